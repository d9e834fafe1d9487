package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.ServedDataset;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;

/**
 * Every fact is published with a label that reads as a sentence. The case (src/test/resources/labels/case/),
 * laid over the fixture project, gives the complete expected label of each of its facts: a class with a direct
 * property, one without, a day, a month, a closed and an open interval, an undated fact, a hedge.
 */
class FactLabelTest {
    private static final Path CASE = Path.of("src/test/resources/labels/case");
    @TempDir Path tmp;

    @Test
    void eachCaseFactHasExactlyItsExpectedLabel() throws IOException {
        Properties expect = TestProjects.expectations(CASE);
        KgBuild build = KgBuild.run(TestProjects.fixtureWithCase(tmp, CASE));
        assertEquals(List.of(), KgValidator.validate(Scope.whole(build)), "the case must build cleanly");
        Map<String, Set<String>> expected = new TreeMap<>(), found = new TreeMap<>();
        for (String k : expect.stringPropertyNames())
            if (k.startsWith("label.")) expected.put(k.substring(6), Set.of(expect.getProperty(k).trim()));
        String q = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?f ?label WHERE { ?f rdfs:label ?label "
                + "FILTER(STRSTARTS(STR(?f), \"https://w3id.org/taliban-relations/id/fact/r-\")) FILTER(LANGMATCHES(LANG(?label), \"en\")) }";
        try (QueryExecution qe = QueryExecution.create(q, ServedDataset.of(build.dataset()))) {
            qe.execSelect().forEachRemaining(row -> found
                    .computeIfAbsent(row.getResource("f").getURI().replaceFirst(".*/fact/", ""), k -> new TreeSet<>())
                    .add(row.getLiteral("label").getLexicalForm()));
        }
        assertEquals(expected, found, "the labels of the case facts");
    }
}
