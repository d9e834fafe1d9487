package org.w3id.talibanrelations.vocabulary;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/** The prefixes used in published files, messages and the endpoint's query examples. */
public final class Namespaces {
    private Namespaces() {}

    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("tir", TIR.NS)
            .setNsPrefix("actor", Ids.ACTOR)
            .setNsPrefix("fact", Ids.FACT)
            .setNsPrefix("source", Ids.SOURCE)
            .setNsPrefix("place", Ids.PLACE)
            .setNsPrefix("role", Ids.ROLE)
            .setNsPrefix("graph", Ids.GRAPH)
            .setNsPrefix("conflict", Ids.ID + "conflict/")
            .setNsPrefix("step", Ids.ID + "step/")
            .setNsPrefix("prov", Std.PROV)
            .setNsPrefix("oa", Std.OA)
            .setNsPrefix("time", Std.TIME)
            .setNsPrefix("org", Std.ORG)
            .setNsPrefix("dcterms", DCTerms.NS)
            .setNsPrefix("skos", SKOS.uri)
            .setNsPrefix("owl", OWL.NS)
            .setNsPrefix("rdf", RDF.uri)
            .setNsPrefix("rdfs", RDFS.uri)
            .setNsPrefix("xsd", XSD.NS)
            .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
            .setNsPrefix("vann", "http://purl.org/vocab/vann/")
            .setNsPrefix("void", "http://rdfs.org/ns/void#")
            .setNsPrefix("cnt", CNT.NS)
            .setNsPrefix("sd", "http://www.w3.org/ns/sparql-service-description#")
            .lock();

    /** The project's prefixes, read-only. */
    public static PrefixMapping prefixMapping() { return PREFIXES; }
}
