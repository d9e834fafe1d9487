package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.validate.KgValidator;

/**
 * One test per derivation rule: the folder {@code src/test/resources/rules/NAME/} holds the
 * smallest facts that make {@code queries/rules/&#42;/NAME.rq} fire (and some that must not). Laid
 * over the fixture project, the build must be valid and make exactly one resource of the expected
 * type that links (tir:conflictingFact or prov:wasDerivedFrom) to exactly the expected case facts.
 */
class RulesTest {
    private static final Path CASES = Path.of("src/test/resources/rules");
    private static final String PREFIXES = "PREFIX tir: <https://w3id.org/taliban-relations/ontology#> "
            + "PREFIX prov: <http://www.w3.org/ns/prov#> ";

    @TempDir Path tmp;

    @TestFactory
    Stream<DynamicTest> everyRuleHasACaseAndFindsIt() throws IOException {
        List<Path> rules = Layout.files(TestProjects.REAL.rules(), ".rq");
        Set<String> ruleNames = rules.stream().map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> caseNames;
        try (Stream<Path> s = Files.list(CASES)) {
            caseNames = s.map(p -> p.getFileName() + ".rq").collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(ruleNames, caseNames, "every rule in queries/rules/ has a case folder, and every case a rule");
        return rules.stream().map(rule -> {
            String name = rule.getFileName().toString().replaceFirst("\\.rq$", "");
            return DynamicTest.dynamicTest(name, rule.toUri(), () -> check(CASES.resolve(name)));
        });
    }

    private void check(Path caseDir) throws IOException {
        Properties expect = TestProjects.expectations(caseDir);
        KgBuild build = KgBuild.run(TestProjects.fixtureWithCase(tmp, caseDir));
        assertEquals(List.of(), KgValidator.validate(build), "the case must build cleanly");

        String type = expect.getProperty("type");
        Set<String> expected = new TreeSet<>(Arrays.asList(expect.getProperty("facts").trim().split("\\s+")));
        String q = PREFIXES + "SELECT ?r ?f WHERE { ?r a " + type + " ; tir:conflictingFact|prov:wasDerivedFrom ?f . "
                + "FILTER(STRSTARTS(STR(?f), \"https://w3id.org/taliban-relations/id/fact/r-\")) }";
        Map<String, Set<String>> found = new TreeMap<>();
        try (QueryExecution qe = QueryExecution.create(q, ServedDataset.of(build.dataset()))) {
            qe.execSelect().forEachRemaining((QuerySolution row) -> found
                    .computeIfAbsent(row.getResource("r").getURI(), k -> new TreeSet<>())
                    .add(row.getResource("f").getURI().replaceFirst(".*/fact/", "")));
        }
        assertEquals(1, found.size(), () -> "expected one " + type + " about the case facts, found " + found);
        assertEquals(expected, found.values().iterator().next(), "facts linked by the " + type);
        assertTrue(found.keySet().iterator().next().startsWith("https://w3id.org/taliban-relations/id/"), "a minted IRI");
    }
}
