package org.w3id.talibanrelations.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Terms of the standard vocabularies the graph reuses and Jena does not ship:
 * PROV-O, W3C Web Annotation, OWL-Time and ORG. (RDF, RDFS, OWL, XSD, SKOS and DCTERMS
 * come from {@code org.apache.jena.vocabulary}.)
 */
public final class Std {
    private Std() {}

    /** PROV-O namespace. */
    public static final String PROV = "http://www.w3.org/ns/prov#";
    /** Web Annotation namespace. */
    public static final String OA = "http://www.w3.org/ns/oa#";
    /** OWL-Time namespace. */
    public static final String TIME = "http://www.w3.org/2006/time#";
    /** ORG namespace. */
    public static final String ORG = "http://www.w3.org/ns/org#";

    private static Node u(String s) { return NodeFactory.createURI(s); }

    /** prov:wasDerivedFrom: fact to its source. */
    public static final Node prov_wasDerivedFrom = u(PROV + "wasDerivedFrom");

    /** oa:Annotation. */
    public static final Node oa_Annotation = u(OA + "Annotation");
    /** oa:SpecificResource. */
    public static final Node oa_SpecificResource = u(OA + "SpecificResource");
    /** oa:TextQuoteSelector. */
    public static final Node oa_TextQuoteSelector = u(OA + "TextQuoteSelector");
    /** oa:TextPositionSelector. */
    public static final Node oa_TextPositionSelector = u(OA + "TextPositionSelector");
    /** oa:describing. */
    public static final Node oa_describing = u(OA + "describing");
    /** oa:motivatedBy. */
    public static final Node oa_motivatedBy = u(OA + "motivatedBy");
    /** oa:hasBody. */
    public static final Node oa_hasBody = u(OA + "hasBody");
    /** oa:hasTarget. */
    public static final Node oa_hasTarget = u(OA + "hasTarget");
    /** oa:hasSource. */
    public static final Node oa_hasSource = u(OA + "hasSource");
    /** oa:hasSelector. */
    public static final Node oa_hasSelector = u(OA + "hasSelector");
    /** oa:exact. */
    public static final Node oa_exact = u(OA + "exact");
    /** oa:prefix. */
    public static final Node oa_prefix = u(OA + "prefix");
    /** oa:suffix. */
    public static final Node oa_suffix = u(OA + "suffix");
    /** oa:start. */
    public static final Node oa_start = u(OA + "start");
    /** oa:end. */
    public static final Node oa_end = u(OA + "end");

    /** org:member. */
    public static final Node org_member = u(ORG + "member");
    /** org:organization. */
    public static final Node org_organization = u(ORG + "organization");
    /** org:role. */
    public static final Node org_role = u(ORG + "role");

    /** time:Instant. */
    public static final Node time_Instant = u(TIME + "Instant");
    /** time:ProperInterval. */
    public static final Node time_ProperInterval = u(TIME + "ProperInterval");
    /** time:hasTime. */
    public static final Node time_hasTime = u(TIME + "hasTime");
    /** time:hasBeginning. */
    public static final Node time_hasBeginning = u(TIME + "hasBeginning");
    /** time:hasEnd. */
    public static final Node time_hasEnd = u(TIME + "hasEnd");
    /** time:unitDay. */
    public static final Node time_unitDay = u(TIME + "unitDay");
    /** time:unitMonth. */
    public static final Node time_unitMonth = u(TIME + "unitMonth");
    /** time:unitYear. */
    public static final Node time_unitYear = u(TIME + "unitYear");
}
