package org.w3id.talibanrelations.vocabulary;

import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The IRIs this project mints, under {@code https://w3id.org/taliban-relations/id/}.
 * Slugs are lowercase letters, digits and hyphens, so that IRIs are readable and stable.
 */
public final class Ids {
    private Ids() {}

    /** Public base of everything the project publishes. */
    public static final String BASE = "https://w3id.org/taliban-relations/";
    /** Base of minted identifiers. */
    public static final String ID = BASE + "id/";
    /** Actors. */
    public static final String ACTOR = ID + "actor/";
    /** Facts. */
    public static final String FACT = ID + "fact/";
    /** Source documents. */
    public static final String SOURCE = ID + "source/";
    /** Places. */
    public static final String PLACE = ID + "place/";
    /** Posts. */
    public static final String ROLE = ID + "role/";
    /** Conflicts between facts, found by a rule or recorded by hand ({@code curated-…}). */
    public static final String CONFLICT = ID + "conflict/";
    /** Named graphs. */
    public static final String GRAPH = ID + "graph/";
    /** The stored texts of source documents. */
    public static final String TEXT = ID + "text/";
    /** Competency questions, with their queries. */
    public static final String QUESTION = ID + "question/";
    /** Files of SHACL shapes. */
    public static final String SHAPES = ID + "shapes/";
    /** The published lint exceptions file (data/lint-exceptions.tsv). */
    public static final Node LINT_EXCEPTIONS = NodeFactory.createURI(ID + "lint-exceptions");

    /** Graph holding the ontology. */
    public static final Node GRAPH_ONTOLOGY = NodeFactory.createURI(GRAPH + "ontology");
    /** Graph holding the source descriptions. */
    public static final Node GRAPH_SOURCES = NodeFactory.createURI(GRAPH + "sources");
    /** Graph holding actors, posts and places. */
    public static final Node GRAPH_ACTORS = NodeFactory.createURI(GRAPH + "actors");
    /** Graph holding the texts published with the data: source texts, shapes, lint exceptions, competency questions. */
    public static final Node GRAPH_FILES = NodeFactory.createURI(GRAPH + "files");
    /** Graph holding triples derived from facts. */
    public static final Node GRAPH_DERIVED = NodeFactory.createURI(GRAPH + "derived");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Whether a string is a valid slug. */
    public static boolean isSlug(String s) { return SLUG.matcher(s).matches(); }

    /** The graph holding the facts of the source with this slug. */
    public static Node factsGraph(String sourceSlug) { return NodeFactory.createURI(GRAPH + "facts/" + sourceSlug); }

    /** A node inside a fact's description: {@code <fact#part>}. */
    public static Node part(Node fact, String fragment) { return NodeFactory.createURI(fact.getURI() + "#" + fragment); }

    /** The fact a fragment IRI belongs to ({@code <fact#time>} gives {@code <fact>}); other nodes unchanged. */
    public static Node owner(Node n) {
        if (!n.isURI()) return n;
        String u = n.getURI();
        int i = u.indexOf('#');
        return (i > 0 && u.startsWith(FACT)) ? NodeFactory.createURI(u.substring(0, i)) : n;
    }

    /** The slug of an IRI under the given base, or null. */
    public static String slug(Node n, String base) {
        if (!n.isURI() || !n.getURI().startsWith(base)) return null;
        return n.getURI().substring(base.length());
    }
}
