package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.vocabulary.Ids;

/**
 * The review log (data/reviews/**.tsv, data/CURATION.md) covers every curated fact, and each fact's current
 * version was read by someone other than its curator: the last row of a fact is an ok by a reviewer who
 * is not the curator it names, and that curator is whoever made the fact's last change. A fact changed
 * without a second read fails here, at its log line.
 */
class ReviewLogTest {

    static final String HEADER = "fact\tdate\tcurator\treviewer\trules\tverdict\tnote";
    static final Set<String> VERDICTS = Set.of("ok", "changed", "added", "removed");

    record Row(String where, String fact, String date, String curator, String reviewer, String rules, String verdict) {}

    static Set<String> curatedFacts(Layout layout) {
        Set<String> facts = new TreeSet<>();
        for (Path f : Layout.files(layout.facts(), ".ttl")) {
            Model m = RDFDataMgr.loadModel(f.toString());
            m.listSubjectsWithProperty(RDF.type).forEach(s -> {
                if (s.isURIResource() && s.getURI().startsWith(Ids.FACT))
                    facts.add(s.getURI().substring(Ids.FACT.length()));
            });
        }
        return facts;
    }

    static List<Row> rows(Layout layout) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path f : Layout.files(layout.root().resolve("data/reviews"), ".tsv")) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            String name = layout.show(f);
            assertEquals(HEADER, lines.isEmpty() ? "" : lines.get(0), name + ":1 header");
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                String[] c = lines.get(i).split("\t", -1);
                String where = name + ":" + (i + 1);
                assertTrue(c.length == 7, where + ": 7 tab-separated columns, not " + c.length);
                assertTrue(c[1].matches("\\d{4}-\\d{2}-\\d{2}"), where + ": date " + c[1]);
                assertTrue(VERDICTS.contains(c[5]), where + ": verdict " + c[5]);
                assertTrue(!c[2].isBlank() && !c[3].isBlank() && !c[4].isBlank(), where + ": curator, reviewer and rules are required");
                rows.add(new Row(where, c[0], c[1], c[2], c[3], c[4], c[5]));
            }
        }
        return rows;
    }

    @Test
    void everyFactsCurrentVersionWasReadBySomeoneElse() throws IOException {
        Layout layout = Layout.current();
        Set<String> facts = curatedFacts(layout);
        Map<String, List<Row>> byFact = new LinkedHashMap<>();
        for (Row r : rows(layout)) byFact.computeIfAbsent(r.fact(), k -> new ArrayList<>()).add(r);
        List<String> problems = new ArrayList<>();
        for (String fact : facts) {
            List<Row> log = byFact.get(fact);
            if (log == null) { problems.add(fact + ": no review row"); continue; }
            Row last = log.get(log.size() - 1);
            if (!last.verdict().equals("ok")) problems.add(last.where() + ": " + fact + " was last " + last.verdict() + " by " + last.reviewer() + " and nobody else has read that version");
            else if (last.reviewer().equals(last.curator())) problems.add(last.where() + ": " + fact + " reviewed by its own curator " + last.curator());
            else {
                // The version read must be the one the last change made.
                for (int i = log.size() - 1; i >= 0; i--) {
                    Row r = log.get(i);
                    if (r.verdict().equals("changed") || r.verdict().equals("added")) {
                        if (!last.curator().equals(r.reviewer()))
                            problems.add(last.where() + ": " + fact + " last changed by " + r.reviewer() + " (" + r.where() + "), but the ok row names curator " + last.curator());
                        break;
                    }
                }
            }
        }
        for (Map.Entry<String, List<Row>> e : byFact.entrySet()) {
            Row last = e.getValue().get(e.getValue().size() - 1);
            // A removed fact's log ends with its removal, or with a second reader's ok of it.
            boolean removed = e.getValue().stream().anyMatch(r -> r.verdict().equals("removed"));
            if (!facts.contains(e.getKey()) && !removed)
                problems.add(last.where() + ": " + e.getKey() + " is logged but is not a curated fact (log its removal)");
        }
        assertEquals(List.of(), problems, problems.size() + " review-log problems");
    }
}
