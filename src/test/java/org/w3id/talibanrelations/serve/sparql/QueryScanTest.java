package org.w3id.talibanrelations.serve.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which parsed queries depend on nothing but the dataset, and which SERVICE calls a query makes, however nested. */
class QueryScanTest {
    private static QueryScan scan(String q) {
        return QueryScan.of(QueryFactory.create("PREFIX afn: <http://jena.apache.org/ARQ/function#>\n"
                + "PREFIX fn: <http://www.w3.org/2005/xpath-functions#>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n" + q, Syntax.syntaxARQ));
    }

    @ParameterizedTest(name = "deterministic: {0}")
    @ValueSource(strings = {
            "SELECT * WHERE { ?s ?p ?o } LIMIT 3",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"https:\")) } GROUP BY ?p HAVING (COUNT(*) > 1) ORDER BY DESC(?n)",
            "SELECT (xsd:integer(\"1\") AS ?one) (fn:upper-case(\"a\") AS ?a) (afn:localname(<urn:x#y>) AS ?l) WHERE {}",
            "SELECT (SHA256(\"x\") AS ?h) (MD5(\"x\") AS ?m) WHERE {}",
            "ASK { FILTER NOT EXISTS { ?s ?p ?o } }",
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1",
            "DESCRIBE <urn:x>" })
    void deterministic(String q) {
        assertTrue(scan(q).deterministic(), q);
    }

    @ParameterizedTest(name = "volatile: {0}")
    @ValueSource(strings = {
            "SELECT (NOW() AS ?t) WHERE {}",
            "SELECT (RAND() AS ?r) WHERE {}",
            "SELECT (UUID() AS ?u) WHERE {}",
            "SELECT (STRUUID() AS ?u) WHERE {}",
            "SELECT (BNODE() AS ?b) WHERE {}",
            "SELECT (BNODE(\"x\") AS ?b) WHERE {}",
            "SELECT (afn:now() AS ?t) WHERE {}",
            "SELECT (<http://www.w3.org/ns/sparql#rand>() AS ?t) WHERE {}",
            "SELECT (fn:current-dateTime() AS ?t) WHERE {}",
            "SELECT (<java:org.example.Anything>(1) AS ?t) WHERE {}",
            "SELECT (<urn:unknown:function>(1) AS ?t) WHERE {}",
            "SELECT ?x WHERE { { SELECT (NOW() AS ?x) WHERE {} } }",
            "SELECT ?s WHERE { ?s ?p ?o } ORDER BY RAND()",
            "SELECT ?p (SAMPLE(STR(RAND())) AS ?r) WHERE { ?s ?p ?o } GROUP BY ?p",
            "SELECT ?p WHERE { ?s ?p ?o } GROUP BY ?p HAVING (COUNT(*) > RAND())",
            "ASK { FILTER EXISTS { BIND(UUID() AS ?u) } }",
            "SELECT * WHERE { OPTIONAL { ?s ?p ?o FILTER(?o < NOW()) } }" })
    void volatileFunctions(String q) {
        QueryScan s = scan(q);
        assertFalse(s.deterministic(), q);
        assertEquals(0, s.services().size());
    }

    @ParameterizedTest(name = "SERVICE: {0}")
    @ValueSource(strings = {
            "SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }",
            "SELECT * WHERE { { SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } } } }",
            "SELECT * WHERE { ?a ?b ?c FILTER EXISTS { SERVICE <http://x/sparql> { ?s ?p ?o } } }",
            "SELECT (EXISTS { SERVICE <http://x/sparql> { ?s ?p ?o } } AS ?e) WHERE {}",
            "SELECT * WHERE { ?a ?b ?c } ORDER BY (NOT EXISTS { SERVICE <http://x/sparql> { ?s ?p ?o } })",
            "SELECT * WHERE { ?a ?b ?c MINUS { SERVICE <http://x/sparql> { ?s ?p ?o } } }" })
    void servicesAnywhere(String q) {
        QueryScan s = scan(q);
        assertEquals(1, s.services().size(), q);
        assertEquals("http://x/sparql", s.services().get(0).getURI());
        assertFalse(s.deterministic());
    }
}
