package org.w3id.talibanrelations.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Parallel;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.core.Sparql;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * Runs the derivation rules: every {@code queries/rules/NAME/*.rq} is a SPARQL CONSTRUCT over the
 * facts (as the endpoint sees them), and its triples go into the graph {@code id/graph/NAME}.
 * Conflicts ({@code conflicts/}) and stance timelines ({@code timelines/}) are made this way, so that
 * a reader can see, and change, exactly how each is found.
 */
final class Rules {
    private Rules() {}

    /**
     * @param served     the served view of the dataset ({@code ServedDataset.view}), which the rules
     *                   read; what they make is added to it after the last rule, so that no rule sees
     *                   what another made
     * @param declaredAt receives, for each subject a rule creates, the rule's path (line 1), so
     *                   that problems found later on derived resources point at the rule
     */
    static void run(Layout layout, DatasetGraph dataset, DatasetGraph served, List<Problem> problems, Map<Node, String> declaredAt) {
        Path dir = layout.rules();
        if (!Files.isDirectory(dir)) return;
        List<Path> folders;
        try (Stream<Path> s = Files.list(dir)) {
            folders = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The rules only read the served view, and what they make is added after the last one has run,
        // so they run side by side; their output is then taken in the order of the files, as before.
        record Run(Node target, String shown, Problem problem, Future<Graph> result) {}
        List<Run> runs = new ArrayList<>();
        List<Node> made = new ArrayList<>();
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            if (!Ids.isSlug(name)) {
                runs.add(new Run(null, null, Problem.inFile(layout.show(folder), "a rules folder is named after its graph: lowercase, hyphenated"), null));
                continue;
            }
            Node targetName = NodeFactory.createURI(Ids.GRAPH + name);
            made.add(targetName);
            for (Path rule : Layout.files(folder, ".rq")) {
                String shown = layout.show(rule);
                Query q;
                try {
                    q = QueryFactory.create(Files.readString(rule), Ids.BASE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (QueryParseException e) {
                    runs.add(new Run(targetName, shown, new Problem(shown, e.getLine(), "rule does not parse: " + e.getMessage()), null));
                    continue;
                }
                if (!q.isConstructType()) {
                    runs.add(new Run(targetName, shown, new Problem(shown, 1, "a rule is a SPARQL CONSTRUCT query"), null));
                    continue;
                }
                runs.add(new Run(targetName, shown, null, Parallel.start(() -> {
                    try (QueryExecution qe = Sparql.execution(q, served)) {
                        return qe.execConstruct().getGraph();
                    }
                })));
            }
        }
        // Wait for every rule before adding anything: a rule's target may be a graph of the view.
        List<Graph> results = new ArrayList<>();
        for (Run r : runs) results.add(r.result() == null ? null : Parallel.get(r.result()));
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            if (r.problem() != null) {
                problems.add(r.problem());
                continue;
            }
            Graph g = results.get(i), target = dataset.getGraph(r.target());
            results.set(i, null);
            String shown = r.shown();
            if (g.find().filterKeep(t -> t.getSubject().isBlank() || t.getObject().isBlank()).hasNext()) {
                problems.add(new Problem(shown, 1, "the rule makes blank nodes: mint IRIs (see the other rules)"));
                continue;
            }
            g.find().forEachRemaining(t -> {
                target.add(t);
                declaredAt.putIfAbsent(t.getSubject(), shown + ":1");
            });
            // Every resource the rule typed records which file made it.
            Node by = NodeFactory.createLiteralString(shown);
            g.find(Node.ANY, RDF.type.asNode(), Node.ANY).mapWith(Triple::getSubject).toSet()
             .forEach(s -> target.add(s, TIR.detectedBy, by));
        }
        // Now, and not before, what the rules made joins the served view's union (the build links the graphs).
        for (Node name : made) dataset.getGraph(name).find().forEachRemaining(served.getDefaultGraph()::add);
    }
}
