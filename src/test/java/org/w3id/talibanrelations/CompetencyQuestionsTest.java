package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsCompare;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3id.talibanrelations.core.QueryFile;
import org.w3id.talibanrelations.core.ServedDataset;

/**
 * One test per competency question {@code queries/*.rq}: its results on the real graph must equal,
 * as a result set (by RDF term, and in order when the query has ORDER BY), the expected results
 * beside it in {@code *.srj}. A failure prints both as tables.
 */
class CompetencyQuestionsTest {
    static final Path QUERIES = Path.of("queries");

    static List<Path> questions() throws IOException {
        try (Stream<Path> s = Files.list(QUERIES)) {
            return s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyQuestionGivesItsExpectedResults() throws IOException {
        List<Path> qs = questions();
        assertTrue(qs.size() >= 10, "at least ten competency questions");
        Dataset ds = ServedDataset.of(TestProjects.realBuild().dataset());
        return qs.stream().map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), q.toUri(), () -> check(ds, q)));
    }

    static Query parse(Path q) throws IOException {
        String text = Files.readString(q);
        assertTrue(text.startsWith("# Question:"), q + " starts with a '# Question:' header");
        assertTrue(text.contains("# Expected"), q + " states its expected answer in words ('# Expected')");
        // Parsed as the project parses its query files (the rules, the QC rules), against the same base.
        QueryFile file = QueryFile.read(q, q.toString());
        assertTrue(file.ok(), () -> String.valueOf(file.problem("question does not parse: ")));
        return file.query();
    }

    static ResultSetRewindable run(Dataset ds, Query query) {
        try (QueryExecution qe = QueryExecution.create(query, ds)) {
            return ResultSetFactory.copyResults(qe.execSelect());
        }
    }

    private static void check(Dataset ds, Path q) throws IOException {
        Query query = parse(q);
        Path expectedFile = expectedFile(q);
        if (!Files.exists(expectedFile)) fail("no expected results " + expectedFile);
        ResultSetRewindable expected;
        try (InputStream in = Files.newInputStream(expectedFile)) {
            expected = ResultSetFactory.copyResults(ResultSetMgr.read(in, ResultSetLang.RS_JSON));
        }
        ResultSetRewindable actual = run(ds, query);
        boolean same = query.hasOrderBy() ? ResultsCompare.equalsByTermAndOrder(expected, actual)
                                          : ResultsCompare.equalsByTerm(expected, actual);
        if (!same) {
            expected.reset();
            actual.reset();
            fail(q + ": results differ from " + expectedFile + "\nexpected (" + expected.size() + " rows):\n" + table(expected, query)
                    + "\nactual (" + actual.size() + " rows):\n" + table(actual, query));
        }
    }

    static Path expectedFile(Path q) {
        return q.resolveSibling(q.getFileName().toString().replaceFirst("\\.rq$", ".srj"));
    }

    private static String table(ResultSetRewindable rs, Query q) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultSetFormatter.out(out, rs, q.getPrologue());
        return out.toString(StandardCharsets.UTF_8);
    }
}
