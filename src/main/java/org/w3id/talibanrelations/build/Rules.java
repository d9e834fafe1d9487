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
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Location;
import org.w3id.talibanrelations.core.Parallel;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.core.QueryFile;
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
    static void run(Layout layout, DatasetGraph dataset, DatasetGraph served, List<Problem> problems, Map<Node, Location> declaredAt) {
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
                QueryFile file = QueryFile.read(layout, rule);
                String shown = file.shown();
                if (!file.ok()) {
                    runs.add(new Run(targetName, shown, file.problem("rule does not parse: "), null));
                    continue;
                }
                Query q = file.query();
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
        Map<Node, Integer> dismissed = dismissed(layout, problems), found = new java.util.HashMap<>();
        Node conflictsGraph = NodeFactory.createURI(Ids.GRAPH + "conflicts");
        // Wait for every rule before adding anything: a rule's target may be a graph of the view.
        List<Graph> results = new ArrayList<>();
        for (Run r : runs) results.add(r.result() == null ? null : Parallel.get(r.result()));
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            if (r.problem() != null) {
                problems.add(r.problem());
                continue;
            }
            Graph g = results.get(i);
            Graph target = dataset.getGraph(r.target());
            results.set(i, null);
            String shown = r.shown();
            if (g.find().filterKeep(t -> t.getSubject().isBlank() || t.getObject().isBlank()).hasNext()) {
                problems.add(new Problem(shown, 1, "the rule makes blank nodes: mint IRIs (see the other rules)"));
                continue;
            }
            // A conflict a hand review dismissed (data/conflicts/dismissed.tsv) is not published; its facts stay.
            if (r.target().equals(conflictsGraph) && !dismissed.isEmpty())
                g = dropDismissed(g, dismissed, found);
            Location rule = new Location(shown, 1);
            g.find().forEachRemaining(t -> {
                target.add(t);
                declaredAt.putIfAbsent(t.getSubject(), rule);
            });
            // Every resource the rule typed records which file made it.
            Node by = NodeFactory.createLiteralString(shown);
            g.find(Node.ANY, RDF.type.asNode(), Node.ANY).mapWith(Triple::getSubject).toSet()
             .forEach(s -> target.add(s, TIR.detectedBy, by));
        }
        String shownFile = layout.show(layout.dismissedConflicts());
        dismissed.forEach((c, line) -> {
            if (!found.containsKey(c))
                problems.add(new Problem(shownFile, line, "stale dismissal: no rule finds " + c.getURI().substring(Ids.CONFLICT.length())
                        + " any more; remove the line"));
        });
        // Now, and not before, what the rules made joins the served view's union (the build links the graphs).
        for (Node name : made) dataset.getGraph(name).find().forEachRemaining(served.getDefaultGraph()::add);
    }

    /**
     * The dismissed conflicts and their lines: a header {@code conflict	reason}, then one {@code conflict:SLUG}
     * and its reason per line. A line without a reason, twice, or not naming a conflict is a problem.
     */
    private static Map<Node, Integer> dismissed(Layout layout, List<Problem> problems) {
        Map<Node, Integer> out = new java.util.LinkedHashMap<>();
        Path file = layout.dismissedConflicts();
        if (!Files.exists(file)) return out;
        String shown = layout.show(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty() || !lines.get(0).equals("conflict\treason")) {
            problems.add(new Problem(shown, 1, "the header is: conflict<TAB>reason"));
            return out;
        }
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) continue;
            String[] c = l.split("\t", -1);
            int line = i + 1;
            if (c.length != 2 || !c[0].startsWith("conflict:") || !Ids.isSlug(c[0].substring("conflict:".length()))) {
                problems.add(new Problem(shown, line, "a line is conflict:SLUG<TAB>reason"));
                continue;
            }
            if (c[1].isBlank()) {
                problems.add(new Problem(shown, line, "a dismissal needs its reason"));
                continue;
            }
            Node n = NodeFactory.createURI(Ids.CONFLICT + c[0].substring("conflict:".length()));
            if (out.putIfAbsent(n, line) != null) problems.add(new Problem(shown, line, "dismissed twice: " + c[0]));
        }
        return out;
    }

    /** The graph without the triples about dismissed conflicts; records which were found. */
    private static Graph dropDismissed(Graph g, Map<Node, Integer> dismissed, Map<Node, Integer> found) {
        Graph kept = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
        g.find().forEachRemaining(t -> {
            if (dismissed.containsKey(t.getSubject())) found.put(t.getSubject(), 1);
            else kept.add(t);
        });
        return kept;
    }
}
