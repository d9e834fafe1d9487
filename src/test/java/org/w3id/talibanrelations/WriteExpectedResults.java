package org.w3id.talibanrelations;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.w3id.talibanrelations.core.ServedDataset;

/**
 * Writes {@code queries/NAME.srj} for the named questions from the current graph:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 *  -Dexec.mainClass=org.w3id.talibanrelations.WriteExpectedResults -Dexec.args="queries/cq01-....rq"}.
 * The output is a proposal, not a truth: read its diff against the question's "# Expected" words
 * and the source texts before committing it.
 */
public final class WriteExpectedResults {
    private WriteExpectedResults() {}

    public static void main(String[] args) throws Exception {
        Dataset ds = ServedDataset.of(TestProjects.realBuild().dataset());
        for (String a : args) {
            Path q = Path.of(a);
            ResultSetRewindable rs = CompetencyQuestionsTest.run(ds, CompetencyQuestionsTest.parse(q));
            try (OutputStream out = Files.newOutputStream(CompetencyQuestionsTest.expectedFile(q))) {
                ResultSetMgr.write(out, rs, ResultSetLang.RS_JSON);
            }
            System.out.println("wrote " + CompetencyQuestionsTest.expectedFile(q) + " (" + rs.size() + " rows)");
        }
    }
}
