package org.w3id.talibanrelations.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The curation vocabulary, {@code cur:}: the compact shortcuts curators write in
 * {@code data/}, which the build expands into the published model. Never published.
 */
public final class Cur {
    private Cur() {}

    /** Namespace. */
    public static final String NS = "https://w3id.org/taliban-relations/curation#";

    private static Node t(String local) { return NodeFactory.createURI(NS + local); }

    /** A date or interval: YYYY, YYYY-MM, YYYY-MM-DD, START/END, START/.. or "unknown". */
    public static final Node date = t("date");
    /** Why the date was resolved from context. */
    public static final Node dateInferred = t("dateInferred");
    /** Exact words of the source stating the fact. */
    public static final Node quote = t("quote");
    /** A quote with an explicit occurrence. */
    public static final Node evidence = t("evidence");
    /** Which occurrence of a repeated quote, from 1. */
    public static final Node occurrence = t("occurrence");
    /** As-of date of a source or of a fact. */
    public static final Node asOf = t("asOf");
    /** Why the as-of date is inferred. */
    public static final Node asOfInferred = t("asOfInferred");
}
