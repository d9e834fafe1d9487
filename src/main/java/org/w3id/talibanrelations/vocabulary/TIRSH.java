package org.w3id.talibanrelations.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The project's shapes, {@code tirsh:} ({@code shapes/}): only the terms the build reads by name (a
 * shape it asks of a record, a mark on shapes). The shapes themselves are data; their other terms are
 * named only there.
 */
public final class TIRSH {
    private TIRSH() {}

    /** Namespace. */
    public static final String NS = "https://w3id.org/taliban-relations/shapes#";

    private static Node t(String local) { return NodeFactory.createURI(NS + local); }

    /** On a shape of {@code shapes/curation/}: its target is evaluated on the data (file, ontology, shapes), not on the file alone. */
    public static final Node targetOnData = t("targetOnData");
    /** A record of {@code data/conflicts/} that records a conflict by hand (else it explains one a rule found). */
    public static final Node CuratedConflict = t("CuratedConflict");
}
