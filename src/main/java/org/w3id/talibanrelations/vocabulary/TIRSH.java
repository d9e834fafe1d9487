package org.w3id.talibanrelations.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The project's shapes, {@code tirsh:} ({@code shapes/}): only those the build asks by name, for
 * what a record is. The shapes themselves are data; their other terms are named only there.
 */
public final class TIRSH {
    private TIRSH() {}

    /** Namespace. */
    public static final String NS = "https://w3id.org/taliban-relations/shapes#";

    private static Node t(String local) { return NodeFactory.createURI(NS + local); }

    /** A record of {@code data/conflicts/} that records a conflict by hand (else it explains one a rule found). */
    public static final Node CuratedConflict = t("CuratedConflict");
}
