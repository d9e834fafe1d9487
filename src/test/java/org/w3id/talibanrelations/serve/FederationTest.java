package org.w3id.talibanrelations.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.resultset.ResultsCompare;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3id.talibanrelations.KgServer;
import org.w3id.talibanrelations.TestProjects;

/**
 * The federated examples in {@code queries/federation/}, each run against real endpoints: ours, and a
 * stock Fuseki holding a small reference graph keyed by ISO codes ({@code /ref}) and a small
 * Wikidata-shaped graph ({@code /wikidata}, standing in for Wikidata's endpoint, which CI cannot reach).
 * {@code fq01} runs at the other endpoint and calls ours with SERVICE; {@code fq02} and {@code fq03} run
 * at ours and call the other, which is allow-listed. Results are compared with the {@code .srj} beside
 * each query. Both servers on port 0, always stopped.
 */
public class FederationTest {
    static final Path DIR = Path.of("queries/federation");
    static final String OURS = "http://localhost:3030/kg/sparql", REFERENCE = "http://localhost:3031/ref/sparql",
            WIKIDATA = "https://query.wikidata.org/sparql";
    private static FusekiServer reference;
    private static KgServer ours;

    @BeforeAll
    static void start() {
        DatasetGraph ref = RDFDataMgr.loadDatasetGraph(DIR.resolve("reference.ttl").toString());
        DatasetGraph wikidata = RDFDataMgr.loadDatasetGraph(DIR.resolve("wikidata.ttl").toString());
        reference = FusekiServer.create().port(0).loopback(true).add("/ref", ref).add("/wikidata", wikidata)
                .build().start();
        ours = KgServer.create().port(0).loopback(true).dataset(TestProjects.realBuild().dataset())
                .limits(Limits.DEFAULT.withServiceAllowList(List.of(at("/ref"), at("/wikidata")))).build().start();
    }

    /** The second endpoint's SPARQL URL for one of its datasets. */
    private static String at(String dataset) {
        return "http://localhost:" + reference.getHttpPort() + dataset + "/sparql";
    }

    /** The query with the stand-in endpoints' addresses where it names ours, the reference or Wikidata. */
    private static String localised(String text) {
        return text.replace(OURS, ours.sparqlUrl()).replace(REFERENCE, at("/ref")).replace(WIKIDATA, at("/wikidata"));
    }

    @AfterAll
    static void stop() {
        if (ours != null) ours.stop();
        if (reference != null) reference.stop();
    }

    @TestFactory
    Stream<DynamicTest> everyFederatedExampleGivesItsExpectedRows() throws Exception {
        List<Path> queries;
        try (Stream<Path> s = Files.list(DIR)) {
            queries = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        assertTrue(queries.size() >= 3);
        return queries.stream().map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), q.toUri(), () -> check(q)));
    }

    private static void check(Path file) throws Exception {
        String text = Files.readString(file);
        boolean callsOurs = text.contains("SERVICE <" + OURS + ">");
        boolean callsOther = text.contains("SERVICE <" + REFERENCE + ">") || text.contains("SERVICE <" + WIKIDATA + ">");
        assertTrue(callsOurs ^ callsOther, file + " calls either ours or another endpoint with SERVICE");
        Query query = QueryFactory.create(localised(text));
        String at = callsOurs ? at("/ref") : ours.sparqlUrl();
        ResultSetRewindable actual;
        try (QueryExecHTTP qe = QueryExecHTTP.service(at).query(query).build()) {
            actual = ResultSetFactory.copyResults(org.apache.jena.query.ResultSet.adapt(qe.select()));
        }
        Path expectedFile = file.resolveSibling(file.getFileName().toString().replace(".rq", ".srj"));
        if (!Files.exists(expectedFile)) fail("no expected results " + expectedFile);
        ResultSetRewindable expected;
        try (InputStream in = Files.newInputStream(expectedFile)) {
            expected = ResultSetFactory.copyResults(ResultSetMgr.read(in, ResultSetLang.RS_JSON));
        }
        assertTrue(actual.size() > 0, file + " returns rows");
        if (!ResultsCompare.equalsByTerm(expected, actual)) {
            expected.reset();
            actual.reset();
            fail(file + ": results differ\nexpected:\n" + table(expected, query) + "\nactual:\n" + table(actual, query));
        }
    }

    private static String table(ResultSetRewindable rs, Query q) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultSetFormatter.out(out, rs, q.getPrologue());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the expected results from a run (review them before committing): for maintainers. */
    public static void main(String[] args) throws Exception {
        start();
        try {
            for (String a : args) {
                Path file = Path.of(a);
                String text = Files.readString(file);
                String at = text.contains("SERVICE <" + OURS + ">") ? at("/ref") : ours.sparqlUrl();
                Query query = QueryFactory.create(localised(text));
                try (QueryExecHTTP qe = QueryExecHTTP.service(at).query(query).build();
                     var out = Files.newOutputStream(file.resolveSibling(file.getFileName().toString().replace(".rq", ".srj")))) {
                    ResultSetMgr.write(out, org.apache.jena.query.ResultSet.adapt(qe.select()), ResultSetLang.RS_JSON);
                }
                System.out.println("wrote expected results for " + file);
            }
        } finally {
            stop();
        }
    }
}
