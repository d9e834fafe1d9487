package org.w3id.talibanrelations.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * W3C Representing Content in RDF 1.0 (<a href="https://www.w3.org/TR/Content-in-RDF10/">Content-in-RDF10</a>):
 * the texts published with the data (the source documents, the shapes, the competency questions) as
 * {@code cnt:ContentAsText}, so that what the server shows comes from the validated build.
 */
public final class CNT {
    private CNT() {}

    /** The namespace. */
    public static final String NS = "http://www.w3.org/2011/content#";

    /** cnt:ContentAsText: a text, held as characters. */
    public static final Node ContentAsText = NodeFactory.createURI(NS + "ContentAsText");
    /** cnt:chars: the characters of a text. */
    public static final Node chars = NodeFactory.createURI(NS + "chars");
    /** cnt:characterEncoding: the encoding the text was stored in. */
    public static final Node characterEncoding = NodeFactory.createURI(NS + "characterEncoding");
}
