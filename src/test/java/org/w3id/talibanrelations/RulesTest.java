package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.ServedDataset;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;

/**
 * Cases for every derivation rule. The folder {@code src/test/resources/rules/NAME/} holds the
 * smallest facts that make {@code queries/rules/&#42;/NAME.rq} fire (and some that must not); further
 * cases of the same rule are folders {@code NAME+CASE/}, for instance a pattern that must make no
 * conflict. Laid over the fixture project, each case must build cleanly, and the resources the rule
 * makes about the case facts (those whose slug starts with {@code r-}) must be exactly the expected
 * ones. {@code expect.properties} gives the rule ({@code rule}), the type of what it makes
 * ({@code type}) and the complete output: {@code count} resources (default 1), each with the case
 * facts it links ({@code facts}, or {@code 1.facts}, {@code 2.facts} … when there are several) and,
 * where given, its one label ({@code label}, {@code 1.label} …). {@code count=0} asserts that the
 * rule makes nothing about the case facts.
 */
class RulesTest {
    private static final Path CASES = Path.of("src/test/resources/rules");
    private static final String PREFIXES = "PREFIX tir: <https://w3id.org/taliban-relations/ontology#> "
            + "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

    @TempDir Path tmp;

    @TestFactory
    Stream<DynamicTest> everyRuleHasACaseAndFindsIt() throws IOException {
        List<Path> rules = Layout.files(TestProjects.REAL.rules(), ".rq");
        Set<String> ruleNames = rules.stream().map(p -> p.getFileName().toString().replaceFirst("\\.rq$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        List<Path> cases;
        try (Stream<Path> s = Files.list(CASES)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        Set<String> mainCases = cases.stream().map(p -> p.getFileName().toString()).filter(n -> !n.contains("+"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ruleNames, mainCases, "every rule in queries/rules/ has a case folder, and every case a rule");
        for (Path c : cases) {
            String rule = c.getFileName().toString().replaceFirst("\\+.*", "");
            assertTrue(ruleNames.contains(rule), "the case " + c.getFileName() + " is of a rule that exists");
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), c.toUri(), () -> check(c)));
    }

    private void check(Path caseDir) throws IOException {
        Properties expect = TestProjects.expectations(caseDir);
        String ruleName = caseDir.getFileName().toString().replaceFirst("\\+.*", "");
        assertEquals(ruleName + ".rq", expect.getProperty("rule"), "expect.properties names the case's rule");
        KgBuild build = KgBuild.run(TestProjects.fixtureWithCase(tmp, caseDir));
        assertEquals(List.of(), KgValidator.validate(Scope.whole(build)), "the case must build cleanly");

        String type = expect.getProperty("type");
        int count = Integer.parseInt(expect.getProperty("count", "1").trim());
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String prefix = count == 1 && expect.getProperty("facts") != null ? "" : i + ".";
            String facts = expect.getProperty(prefix + "facts");
            assertTrue(facts != null, "expect.properties gives " + prefix + "facts");
            String label = expect.getProperty(prefix + "label");
            expected.add(describe(new TreeSet<>(Arrays.asList(facts.trim().split("\\s+"))), label));
        }

        // What the rule made (tir:detectedBy its file) that links the case facts, with its labels.
        String q = PREFIXES + "SELECT ?r ?f ?label WHERE { ?r a " + type + " ; tir:detectedBy ?rule ; "
                + "tir:conflictingFact|prov:wasDerivedFrom ?f . OPTIONAL { ?r rdfs:label ?label } "
                + "FILTER(STRENDS(?rule, \"/" + ruleName + ".rq\")) "
                + "FILTER(STRSTARTS(STR(?f), \"https://w3id.org/taliban-relations/id/fact/r-\")) }";
        Map<String, Set<String>> facts = new TreeMap<>(), labels = new TreeMap<>();
        try (QueryExecution qe = QueryExecution.create(q, ServedDataset.of(build.dataset()))) {
            qe.execSelect().forEachRemaining((QuerySolution row) -> {
                String r = row.getResource("r").getURI();
                assertTrue(r.startsWith("https://w3id.org/taliban-relations/id/"), "a minted IRI: " + r);
                facts.computeIfAbsent(r, k -> new TreeSet<>()).add(row.getResource("f").getURI().replaceFirst(".*/fact/", ""));
                Set<String> l = labels.computeIfAbsent(r, k -> new TreeSet<>());
                if (row.contains("label")) l.add(row.getLiteral("label").getLexicalForm());
            });
        }
        List<String> found = new ArrayList<>();
        for (String r : facts.keySet()) {
            boolean labelled = expected.stream().anyMatch(e -> e.contains(" | label "));
            assertTrue(!labelled || labels.get(r).size() == 1, () -> r + " has one label: " + labels.get(r));
            found.add(describe(facts.get(r), labelled ? labels.get(r).iterator().next() : null));
        }
        expected.sort(null);
        found.sort(null);
        assertEquals(expected, found, "the complete output of " + ruleName + ".rq about the case facts");
    }

    private static String describe(Set<String> facts, String label) {
        return String.join(" ", facts) + (label == null ? "" : " | label " + label);
    }
}
