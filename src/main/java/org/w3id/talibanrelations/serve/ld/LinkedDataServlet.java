package org.w3id.talibanrelations.serve.ld;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.G;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.talibanrelations.publish.Publisher;
import org.w3id.talibanrelations.publish.VoidDescription;
import org.w3id.talibanrelations.serve.cache.Validators;
import org.w3id.talibanrelations.vocabulary.CNT;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.Namespaces;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * Linked data on the server: every IRI under {@code https://w3id.org/taliban-relations/} resolves
 * at the same path here.
 * <ul>
 * <li>{@code /id/…} (things: actors, facts, sources, conflicts, posts, places, steps) answer 303 See
 * Other to their description at {@code /doc/…}; named graphs ({@code /id/graph/…}) to the Graph
 * Store read of the graph.</li>
 * <li>{@code /doc/…} serves the description by content negotiation: Turtle, JSON-LD (with the
 * context at {@code /context.jsonld}), N-Triples, RDF/XML or HTML, or by extension ({@code .ttl},
 * {@code .jsonld}, {@code .nt}, {@code .rdf}, {@code .html}), with {@code Vary: Accept}.</li>
 * <li>{@code /ontology} (and its version IRI) serves the ontology as Turtle, RDF/XML or HTML
 * documentation generated from it.</li>
 * <li>{@code /.well-known/void} and {@code /dataset} describe the dataset (VoID);
 * {@code /dumps/NAME} serve its downloads; {@code /shapes/kg-shapes.ttl} its SHACL shapes.</li>
 * </ul>
 * Unknown IRIs answer 404.
 */
public final class LinkedDataServlet extends HttpServlet {
    private static final List<String> RDF_TYPES = List.of("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml");
    private static final Map<String, String> BY_EXTENSION = Map.of("ttl", "text/turtle", "jsonld", "application/ld+json",
            "nt", "application/n-triples", "rdf", "application/rdf+xml", "html", "text/html");

    private final DatasetGraph dsg;
    /** A download made from the served data, and its ETag (dumps run to megabytes: each is hashed once). */
    private record Dump(byte[] body, String etag) {}
    private final Map<String, Dump> dumps = new ConcurrentHashMap<>();

    private final String baseUrl;
    /** The roles of actors in facts, read once from the served ontology graph. */
    private final Roles roles;

    public LinkedDataServlet(DatasetGraph dsg, String baseUrl) {
        this.dsg = dsg;
        this.baseUrl = baseUrl;
        this.roles = Txn.calculateRead(dsg, () -> Roles.of(dsg.getGraph(Ids.GRAPH_ONTOLOGY)));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (path.contains("..") || path.contains("//")) { notFound(res); return; }
        if (path.startsWith("/id/graph/")) { seeOther(res, "/kg/get?graph=" + java.net.URLEncoder.encode(Ids.BASE + path.substring(1), StandardCharsets.UTF_8)); return; }
        if (path.startsWith("/id/")) {
            Node iri = NodeFactory.createURI(Ids.BASE + path.substring(1));
            if (Txn.calculateRead(dsg, () -> Describer.exists(dsg.getDefaultGraph(), iri))) seeOther(res, "/doc/" + path.substring(4));
            else notFound(res);
            return;
        }
        if (path.startsWith("/doc/")) { document(req, res, path.substring(5)); return; }
        if (path.equals("/dataset") || path.startsWith("/dataset/")) { seeOther(res, "/.well-known/void"); return; }
        if (path.equals("/ontology") || path.equals("/ontology/0.1.0") || path.startsWith("/ontology.")) { ontology(req, res, path); return; }
        if (path.equals("/.well-known/void")) {
            Graph v = Txn.calculateRead(dsg, () -> copy(dsg.getGraph(NodeFactory.createURI(Ids.GRAPH + "void"))));
            String type = negotiate(req, null);
            if ("text/html".equals(type)) type = "text/turtle";
            send(req, res, type, v, null);
            return;
        }
        if (path.equals("/context.jsonld")) { bytes(req, res, "application/ld+json", context()); return; }
        if (path.startsWith("/dumps/")) { dump(req, res, path.substring(7)); return; }
        if (path.startsWith("/shapes/")) {
            String shapes = Txn.calculateRead(dsg, () -> publishedShapes(dsg.getDefaultGraph(), path.substring(1)));
            if (shapes != null) { bytes(req, res, "text/turtle; charset=utf-8", shapes.getBytes(StandardCharsets.UTF_8)); return; }
        }
        notFound(res);
    }

    /** The text of a shapes file published with the data ({@code tir:ShapesFile}) under this path, or null. */
    private static String publishedShapes(Graph g, String path) {
        Node id = NodeFactory.createLiteralString(path);
        for (Node f : G.find(g, null, DCTerms.identifier.asNode(), id).mapWith(org.apache.jena.graph.Triple::getSubject).toList())
            if (g.contains(f, RDF.type.asNode(), TIR.ShapesFile)) return G.getOneSP(g, f, CNT.chars).getLiteralLexicalForm();
        return null;
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse res) throws IOException {
        doGet(req, res);
    }

    private void document(HttpServletRequest req, HttpServletResponse res, String rest) throws IOException {
        String ext = null;
        int dot = rest.lastIndexOf('.');
        if (dot > rest.lastIndexOf('/') && BY_EXTENSION.containsKey(rest.substring(dot + 1))) {
            ext = rest.substring(dot + 1);
            rest = rest.substring(0, dot);
        }
        Node iri = NodeFactory.createURI(Ids.ID + rest);
        String type = negotiate(req, ext);
        String finalRest = rest;
        String finalType = type;
        Object body = Txn.calculateRead(dsg, () -> {
            Graph g = dsg.getDefaultGraph();
            if (!Describer.exists(g, iri)) return null;
            if ("text/html".equals(finalType)) return new HtmlPages(g, roles).resource(iri);
            return Describer.describe(g, iri, roles);
        });
        if (body == null) { notFound(res); return; }
        res.setHeader("Vary", "Accept");
        if (ext == null) res.setHeader("Content-Location", "/doc/" + finalRest + "." + extension(type));
        if (body instanceof String html) bytes(req, res, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        else send(req, res, type, (Graph) body, null);
    }

    private void ontology(HttpServletRequest req, HttpServletResponse res, String path) throws IOException {
        String ext = path.startsWith("/ontology.") ? path.substring("/ontology.".length()) : null;
        if (ext != null && !BY_EXTENSION.containsKey(ext)) { notFound(res); return; }
        String type = negotiate(req, ext);
        res.setHeader("Vary", "Accept");
        if ("text/html".equals(type)) {
            String html = Txn.calculateRead(dsg, () -> new HtmlPages(dsg.getDefaultGraph(), roles).ontology());
            bytes(req, res, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Graph onto = Txn.calculateRead(dsg, () -> copy(dsg.getGraph(Ids.GRAPH_ONTOLOGY)));
        send(req, res, type, onto, null);
    }

    private static Graph copy(Graph g) {
        Graph out = GraphFactory.createGraphMem();
        g.find().forEachRemaining(out::add);
        return out;
    }

    /**
     * The media type to answer with: the extension's, or the one Fuseki's content negotiation picks
     * from the offer for the Accept header (as on the SPARQL endpoints: a type's quality is that of the
     * best range that matches it, equal qualities go to the more specific range, then to the first
     * offered, Turtle). No Accept, or none that matches, gets Turtle.
     */
    static String negotiate(HttpServletRequest req, String ext) {
        if (ext != null) return BY_EXTENSION.get(ext);
        return ConNeg.chooseContentType(req, OFFERED, TURTLE).getContentTypeStr();
    }

    private static final AcceptList OFFERED = AcceptList.create("text/turtle", "text/html", "application/ld+json",
            "application/n-triples", "application/rdf+xml");
    private static final MediaType TURTLE = MediaType.create("text/turtle");

    private static String extension(String type) {
        for (var e : BY_EXTENSION.entrySet()) if (e.getValue().equals(type)) return e.getKey();
        return "ttl";
    }

    private void send(HttpServletRequest req, HttpServletResponse res, String type, Graph g, String unused) throws IOException {
        if (!RDF_TYPES.contains(type)) type = "text/turtle";
        g.getPrefixMapping().setNsPrefixes(Namespaces.prefixMapping());
        RDFFormat format = switch (type) {
            case "application/ld+json" -> RDFFormat.JSONLD11;
            case "application/n-triples" -> RDFFormat.NTRIPLES;
            case "application/rdf+xml" -> RDFFormat.RDFXML_PRETTY;
            default -> RDFFormat.TURTLE_PRETTY;
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(format).output(out);
        if (type.equals("application/ld+json"))
            res.setHeader("Link", "</context.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"");
        bytes(req, res, type + ("application/n-triples".equals(type) ? "" : "; charset=utf-8"), out.toByteArray());
    }

    /** The JSON-LD context: the project's prefixes, so that compact IRIs read alike everywhere. */
    private static byte[] context() {
        JsonObject prefixes = new JsonObject();
        new java.util.TreeMap<>(Namespaces.prefixMapping().getNsPrefixMap()).forEach(prefixes::put);
        JsonObject context = new JsonObject();
        context.put("@context", prefixes);
        return JSON.toString(context).getBytes(StandardCharsets.UTF_8);
    }

    private void dump(HttpServletRequest req, HttpServletResponse res, String name) throws IOException {
        if (!List.of(VoidDescription.DUMPS).contains(name)) { notFound(res); return; }
        Dump dump = dumps.computeIfAbsent(name, n -> {
            byte[] body = makeDump(n);
            return new Dump(body, Validators.etag(body, body.length));
        });
        String type = switch (name) {
            case "kg.trig" -> "application/trig";
            case "kg.nq" -> "application/n-quads";
            case "kg.nq.gz" -> "application/gzip";
            case "ontology.rdf" -> "application/rdf+xml";
            default -> "text/turtle";
        };
        res.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        bytes(req, res, type, dump.body(), dump.etag());
    }

    /**
     * Dumps are made on first request, from the served data, and kept. kg.trig, ontology.ttl and
     * kg-flat.ttl are the files {@code build --out} writes ({@link Publisher#publishedBytes}, one path, the
     * same bytes); the others are those data in another syntax.
     */
    private Map<String, byte[]> published;

    /** The three published files, written once for all three (the dumps map keeps each as it is asked for). */
    private synchronized Map<String, byte[]> published(DatasetGraph named) throws IOException {
        if (published == null) published = Publisher.publishedBytes(named);
        return published;
    }

    private byte[] makeDump(String name) {
        return Txn.calculateRead(dsg, () -> {
            try {
                DatasetGraph named = DatasetGraphFactory.createGeneral();
                dsg.listGraphNodes().forEachRemaining(n -> named.addGraph(n, dsg.getGraph(n)));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                switch (name) {
                    case Publisher.DATASET, Publisher.ONTOLOGY, Publisher.FLAT -> { return published(named).get(name); }
                    case "kg.nq" -> RDFDataMgr.write(out, named, Lang.NQUADS);
                    case "kg.nq.gz" -> { try (GZIPOutputStream gz = new GZIPOutputStream(out)) { RDFDataMgr.write(gz, named, Lang.NQUADS); } }
                    case "ontology.rdf" -> RDFDataMgr.write(out, copy(dsg.getGraph(Ids.GRAPH_ONTOLOGY)), RDFFormat.RDFXML_PRETTY);
                    default -> throw new IllegalArgumentException(name);
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * A 200 with a strong ETag (a hash of the body, which changes only with the data), or a 304 when
     * If-None-Match holds it.
     */
    private static void bytes(HttpServletRequest req, HttpServletResponse res, String type, byte[] body) throws IOException {
        bytes(req, res, type, body, Validators.etag(body, body.length));
    }

    private static void bytes(HttpServletRequest req, HttpServletResponse res, String type, byte[] body, String etag) throws IOException {
        if (Validators.answerIfNotModified(req, res, etag)) return;
        res.setStatus(200);
        res.setContentType(type);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    private void seeOther(HttpServletResponse res, String location) {
        res.setStatus(303);
        res.setHeader("Location", baseUrl == null ? location : baseUrl + location.substring(1));
        res.setHeader("Vary", "Accept");
    }

    private static void notFound(HttpServletResponse res) throws IOException {
        byte[] body = "404 Not Found: no such resource in this graph.\n".getBytes(StandardCharsets.UTF_8);
        res.setStatus(404);
        res.setContentType("text/plain; charset=utf-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
