package org.w3id.talibanrelations.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.core.QueryFile;
import org.w3id.talibanrelations.core.ServedDataset;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {
            "Builds and validates the graph, runs a SPARQL query file against it (default graph =",
            "union of all graphs, as on the endpoint) and prints the result: a table for SELECT,",
            "yes/no for ASK, Turtle for CONSTRUCT and DESCRIBE.",
            "Example: query queries/cq01-formal-recognitions.rq",
            "Exit status: 0 answered, 1 the graph did not validate, 2 the query is not valid SPARQL."
        })
final class QueryCommand implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Parameters(paramLabel = "FILE.rq", description = "The query file.")
    Path file;

    @Override
    public Integer call() throws Exception {
        QueryFile q;
        try {
            q = QueryFile.read(file, file.toString());
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) throw e.getCause();
            System.err.println(file + ": no such file");
            return 2;
        }
        if (!q.ok()) {
            // The parser's line as it gives it (even when unknown), as this command has always printed it.
            Problem p = q.problem("");
            System.err.println(file + ":" + p.line() + ": " + p.message());
            return 2;
        }
        Query query = q.query();
        KgBuild build = project.buildValidated(System.err);
        if (build == null) return 1;
        var dataset = ServedDataset.of(build.dataset());
        try (QueryExecution qe = QueryExecution.create(query, dataset)) {
            if (query.isSelectType()) ResultSetFormatter.out(System.out, qe.execSelect(), query.getPrologue());
            else if (query.isAskType()) System.out.println(qe.execAsk() ? "yes" : "no");
            else if (query.isConstructType()) RDFDataMgr.write(System.out, qe.execConstruct(), RDFFormat.TURTLE_PRETTY);
            else if (query.isDescribeType()) RDFDataMgr.write(System.out, qe.execDescribe(), RDFFormat.TURTLE_PRETTY);
            else { System.err.println("Unsupported query type"); return 2; }
        }
        return 0;
    }
}
