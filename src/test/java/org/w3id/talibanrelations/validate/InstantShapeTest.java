package org.w3id.talibanrelations.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.talibanrelations.TestProjects;

/**
 * The instant shape's rule that a year- or month-precision date-time is the first instant of its
 * year or month. The build never makes such a date wrong (it computes it from the text's date), so
 * the rule is tested here on hand-made instants, each with the complete report it gets.
 */
class InstantShapeTest {
    private static final Shapes SHAPES = Shapes.parse(RDFParser.source(TestProjects.REAL.shapes().resolve("kg-shapes.ttl")).toGraph());

    /**
     * The one result a wrong instant gets: the time shape's, since the instant shape is reached through
     * its sh:xone and SHACL reports the sh:xone, not the nested shape's own message.
     */
    private static final String MESSAGE = "a time is an instant or a proper interval with a beginning (and an end unless open), "
            + "and keeps the date as the text writes it (tir:dateText) unless it is inferred";

    @ParameterizedTest(name = "{0} at {1}: conforms={2}")
    @CsvSource({
        "unitDay,   2025-03-15, true",
        "unitMonth, 2025-03-01, true",
        "unitMonth, 2025-03-15, false",
        "unitYear,  2025-01-01, true",
        "unitYear,  2025-03-01, false",
        "unitYear,  2025-01-15, false",
        "unitYear,  -0500-01-01, true",
    })
    void firstInstantOfItsPrecision(String precision, String date, boolean conforms) {
        String ttl = """
            PREFIX tir:  <https://w3id.org/taliban-relations/ontology#>
            PREFIX time: <http://www.w3.org/2006/time#>
            PREFIX xsd:  <http://www.w3.org/2001/XMLSchema#>
            <http://example.org/fact> time:hasTime <http://example.org/t> .
            <http://example.org/t> a time:Instant ; tir:dateText "as written" ;
                tir:inDateTime "%sT00:00:00Z"^^xsd:dateTime ; tir:datePrecision time:%s .
            """.formatted(date, precision);
        Graph data = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ttl, Lang.TURTLE).parse(data);
        var report = ShaclValidator.get().validate(SHAPES, data);
        List<String> found = report.getEntries().stream().map(e -> e.focusNode().getURI() + ": " + e.message()).sorted().toList();
        assertEquals(conforms ? List.of() : List.of("http://example.org/t: " + MESSAGE), found, "the complete report");
    }
}
