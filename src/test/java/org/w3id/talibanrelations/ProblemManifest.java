package org.w3id.talibanrelations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;

/**
 * A folder of broken-input cases described by a W3C test manifest ({@code manifest.ttl}, the
 * vocabulary of the SHACL and SPARQL test suites): each entry's {@code mf:action} is a case folder
 * laid over the fixture project, its {@code mf:result} the file listing the complete problems the
 * build reports, one {@link Problem#toString()} a line, in {@link #ORDER}.
 */
final class ProblemManifest {
    private ProblemManifest() {}

    /** The W3C test-manifest namespace. */
    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static final Node ENTRIES = NodeFactory.createURI(MF + "entries");
    private static final Node NAME = NodeFactory.createURI(MF + "name");
    private static final Node ACTION = NodeFactory.createURI(MF + "action");
    private static final Node RESULT = NodeFactory.createURI(MF + "result");
    private static final Node MANIFEST = NodeFactory.createURI(MF + "Manifest");

    /** The file name of a case's expected problems. */
    static final String RESULT_FILE = "expected-problems.txt";

    /** Canonical order of a problem list: file, then line, then message; it does not depend on the order checks run in. */
    static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file).thenComparingLong(Problem::line).thenComparing(Problem::message);

    /** One entry of a manifest: its name, what it breaks, its case folder and its expected-problems file. */
    record Entry(String name, String comment, Path caseDir, Path result) {}

    /** The entries of a manifest, in its list's order. */
    static List<Entry> entries(Path manifest) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(manifest).parse(g);
        Node m = G.getOnePO(g, RDF.type.asNode(), MANIFEST);
        List<Entry> out = new ArrayList<>();
        for (Node e : G.rdfList(g, G.getOneSP(g, m, ENTRIES))) {
            out.add(new Entry(G.getOneSP(g, e, NAME).getLiteralLexicalForm(),
                    G.getOneSP(g, e, RDFS.comment.asNode()).getLiteralLexicalForm(),
                    Path.of(java.net.URI.create(G.getOneSP(g, e, ACTION).getURI())),
                    Path.of(java.net.URI.create(G.getOneSP(g, e, RESULT).getURI()))));
        }
        return out;
    }

    /** The case folders of a manifest's folder, by name. */
    static TreeSet<String> caseFolders(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /** Builds and validates a case laid over the fixture project, in a new folder under tmp, and renders its problems. */
    static String actual(Path tmp, Path caseDir) throws IOException {
        KgBuild build = KgBuild.run(TestProjects.fixtureWithCase(tmp, caseDir));
        return render(KgValidator.validate(Scope.whole(build)));
    }

    /** A problem list as the result files hold it: one a line, in {@link #ORDER}. */
    static String render(List<Problem> problems) {
        StringBuilder b = new StringBuilder();
        problems.stream().sorted(ORDER).forEach(p -> b.append(p).append('\n'));
        return b.toString();
    }

    /** The text of an expected-problems file. */
    static String expected(Entry e) throws IOException {
        return Files.readString(e.result(), StandardCharsets.UTF_8);
    }
}
