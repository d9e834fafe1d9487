package org.w3id.talibanrelations.core;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Runs the project's own queries over the built dataset: the derivation rules ({@code queries/rules/})
 * and the QC rules ({@code shapes/qc/}).
 *
 * <p>They run with filters kept out of basic graph patterns ({@link ARQ#optFilterPlacementBGP} off).
 * By default ARQ splits a pattern at the first triple, in written order, that binds a filter's
 * variables, and each part is ordered on its own. The rules pair facts ({@code ?f1 … ?f2}) and write
 * {@code ?f2 a ?class} first: the split made {@code ?f2} range over every fact of the class, for each
 * {@code ?f1}, before the shared agent was joined, so that the work grew with the square of the number
 * of facts. Kept whole, a pattern is ordered as a unit, the join on the shared agent or party comes
 * first, and the filters apply right after it. The answers are the same; only the plan changes.
 */
public final class Sparql {
    private Sparql() {}

    /** An execution of a query over a dataset, planned as described above. */
    public static QueryExecution execution(Query query, DatasetGraph dataset) {
        return QueryExecution.create().query(query).dataset(DatasetFactory.wrap(dataset))
                .set(ARQ.optFilterPlacementBGP, false).build();
    }
}
