package org.w3id.talibanrelations.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.talibanrelations.core.CuratedFile;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Location;
import org.w3id.talibanrelations.core.Ontology;
import org.w3id.talibanrelations.core.Parallel;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.core.ServedDataset;
import org.w3id.talibanrelations.core.TripleSetGraph;
import org.w3id.talibanrelations.facts.FactExpander;
import org.w3id.talibanrelations.sources.SourceCatalog;
import org.w3id.talibanrelations.validate.CurationShapes;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.TIR;
import org.w3id.talibanrelations.vocabulary.TIRSH;

/**
 * Builds the dataset from a project's inputs: ontology, sources, actors and curated facts,
 * each in its named graph, plus the derived graph. It checks what can only be checked on the
 * inputs (hashes, parse errors, quotes, references); {@code validate.KgValidator} checks the result.
 *
 * <pre>
 *   KgBuild build = KgBuild.run(Layout.current());
 *   if (build.problems().isEmpty()) DatasetGraph dsg = build.dataset();
 * </pre>
 */
public final class KgBuild implements org.w3id.talibanrelations.validate.Built {
    private final Layout layout;
    /**
     * Facts graphs keep only their set of triples ({@link TripleSetGraph}): the build and validation
     * match patterns against the served union, which has the indexes; the other graphs are small.
     */
    private final DatasetGraph dataset = DatasetGraphFactory.createWithGraphMaker(name ->
            name != null && name.isURI() && name.getURI().startsWith(Ids.GRAPH + "facts/") ? new TripleSetGraph() : GraphFactory.createDefaultGraph());
    private final List<Problem> problems = new ArrayList<>();
    private final Map<Node, Location> declaredAt = new HashMap<>();
    private final Map<Node, Location> facts = new LinkedHashMap<>();
    /** References to IRIs not declared when their file was read, checked again once everything is declared. */
    private final List<Reference> pending = new ArrayList<>();
    private SourceCatalog sources;
    private Ontology ontology;
    private DatasetGraph served;

    /** What becomes of the facts as they are expanded: all kept ({@link KeepAll}), or one folder at a time ({@link LowMemoryBuild}). */
    private final Partitions partitions;

    private KgBuild(Layout layout, Partitions partitions) { this.layout = layout; this.partitions = partitions; }

    /**
     * Where the facts are expanded, and what is done with them: the facts files, read in order, are cut
     * into partitions; each is expanded into a dataset the strategy opens and handed back to it once its
     * direct triples are derived; then the strategy makes the view the rules read, and the VoID description.
     */
    interface Partitions {
        /** Called once the ontology, sources and actors are read, before any fact. */
        void begin(KgBuild build);
        /** The partition of a facts file: a new one starts where this changes from the previous file's. */
        String partitionOf(Path factsFile);
        /** The dataset the next partition's facts are expanded into. */
        DatasetGraph open();
        /** One partition's facts graphs (and nothing else), expanded and derived from. */
        void partition(DatasetGraph facts);
        /** The view the rules and QC rules read: the shared graphs, the facts as kept, the derived graph. */
        DatasetGraph served(DatasetGraph dataset);
        /** The VoID description of everything published, the partitions included. */
        Graph voidDescription(DatasetGraph dataset, Graph served);
    }

    /** Runs the build with partitions handed to {@code partitions} (the low-memory build). */
    static KgBuild run(Layout layout, Partitions partitions) {
        KgBuild b = new KgBuild(layout, partitions);
        b.build();
        return b;
    }

    /** Runs the build, keeping everything; never throws for bad input, which is reported in {@link #problems()}. */
    public static KgBuild run(Layout layout) {
        return run(layout, new KeepAll());
    }

    private void build() {
        CuratedFile onto = CuratedFile.read(layout, layout.ontology());
        problems.addAll(onto.problems());
        if (!onto.ok()) return;
        ontology = new Ontology(onto.graph());
        problems.addAll(CurationShapes.load(layout, onto.graph(), problems, CurationShapes.ONTOLOGY).check(onto).problems());
        dataset.addGraph(Ids.GRAPH_ONTOLOGY, onto.graph());
        onto.graph().find().forEachRemaining(t -> declaredAt.putIfAbsent(t.getSubject(), onto.location(t.getSubject())));

        sources = SourceCatalog.load(layout);
        problems.addAll(sources.problems());
        dataset.addGraph(Ids.GRAPH_SOURCES, sources.descriptions());
        dataset.addGraph(Ids.GRAPH_FILES, PublishedFiles.of(layout, sources, problems));
        for (var doc : sources.documents()) declaredAt.put(doc.iri(), sources.declaredAt(doc.iri()));

        // A parsed file (its graph and the line of each triple) is dropped once it has been used: only
        // its references to IRIs not declared yet are kept, to be checked when everything is declared.
        Graph actors = dataset.getGraph(Ids.GRAPH_ACTORS);
        CurationShapes actorShapes = CurationShapes.load(layout, ontology.graph(), problems, CurationShapes.ACTORS);
        for (Path p : Layout.files(layout.actors(), ".ttl")) {
            CuratedFile f = readChecked(p, actorShapes);
            if (f == null) continue;
            declareEntities(f);
            f.graph().find().forEach(actors::add);
            keepUnresolvedReferences(f);
        }

        Graph description = datasetDescription();

        partitions.begin(this);
        DatasetGraph into = partitions.open();
        CurationShapes curation = CurationShapes.load(layout, ontology.graph(), problems, CurationShapes.FACTS);
        FactExpander expander = new FactExpander(ontology, actors, sources, into, problems, facts);
        // Files are read, parsed and checked by the curation shapes ahead, on the workers, while this
        // thread expands them in order.
        List<Path> factFiles = Layout.files(layout.facts(), ".ttl");
        String partition = factFiles.isEmpty() ? null : partitions.partitionOf(factFiles.get(0));
        java.util.ArrayDeque<java.util.concurrent.Future<Checked>> ahead = new java.util.ArrayDeque<>();
        int next = 0;
        for (int i = 0; i < factFiles.size(); i++) {
            for (; next < factFiles.size() && next <= i + Parallel.THREADS; next++) {
                Path p = factFiles.get(next);
                ahead.add(Parallel.start(() -> {
                    CuratedFile read = CuratedFile.read(layout, p);
                    return new Checked(read, read.ok() ? curation.check(read) : null);
                }));
            }
            Checked c = Parallel.get(ahead.remove());
            CuratedFile f = c.file();
            String part = partitions.partitionOf(factFiles.get(i));
            if (!part.equals(partition)) {
                endPartition(into);
                into = partitions.open();
                expander = new FactExpander(ontology, actors, sources, into, problems, facts);
                partition = part;
            }
            problems.addAll(f.problems());
            if (!f.ok()) continue;
            expander.expand(f, c.shapes());
            keepUnresolvedReferences(f);
        }
        endPartition(into);
        declaredAt.putAll(facts);
        checkReferences();
        if (!problems.isEmpty()) return;
        // The served view (every graph, and their union as the default graph) is copied once: the
        // rules read it, and what they make, and the curators' notes, are added to it afterwards.
        served = partitions.served(dataset);
        Rules.run(layout, dataset, served, problems, declaredAt);
        conflictNotes();
        // The dataset's own VoID description, in its own graph, counted over everything else.
        Graph voidGraph = partitions.voidDescription(dataset, served.getDefaultGraph());
        description.find().forEachRemaining(voidGraph::add);
        dataset.addGraph(NodeFactory.createURI(Ids.GRAPH + "void"), voidGraph);
        linkServedGraphs();
        voidGraph.find().forEachRemaining(served.getDefaultGraph()::add);
    }

    /** The partition's direct triples join the derived graph, then the partition goes to the strategy. */
    private void endPartition(DatasetGraph part) {
        derive(part);
        partitions.partition(part);
    }

    /** The served view names the graphs the dataset names, each being the dataset's own graph. */
    private void linkServedGraphs() {
        java.util.Set<Node> names = new java.util.HashSet<>();
        dataset.listGraphNodes().forEachRemaining(names::add);
        List<Node> linked = new ArrayList<>();
        served.listGraphNodes().forEachRemaining(linked::add);
        for (Node n : linked) if (!names.contains(n)) served.removeGraph(n);
        for (Node n : names) if (!served.containsGraph(n)) served.addGraph(n, dataset.getGraph(n));
    }

    /**
     * The files of {@code data/conflicts/}: curators' explanations of the conflicts the rules found, and
     * conflicts recorded by hand. Both go into the conflicts graph, never removing a side.
     * <ul>
     * <li>A record that is a {@code tirsh:CuratedConflict} ({@code shapes/curation/conflict-notes.ttl}: its
     *     slug starts with {@code curated-}, or it has a class or a {@code tir:conflictingFact}) is a
     *     <b>curated conflict</b>: published as written, with the file and
     *     line of its record ({@code tir:curatedAt}) and the file that records it ({@code tir:detectedBy}, as a
     *     rule's conflicts name the rule). Whether it is well formed (its slug, its class a kind of
     *     conflict, two facts or more that exist, a label, an explanation, nothing else) is checked on the
     *     published graph, by {@code shapes/qc/curated-conflict-violation.rq}, at that file and line.</li>
     * <li>Any other record is an <b>explanation</b> of a conflict a rule found: it gives only
     *     {@code tir:explanation} (the same shapes), and must name a conflict a rule found, or it explains
     *     nothing.</li>
     * </ul>
     */
    private void conflictNotes() {
        Graph conflicts = dataset.getGraph(NodeFactory.createURI(Ids.GRAPH + "conflicts"));
        Node type = RDF.type.asNode();
        CurationShapes shapes = CurationShapes.load(layout, ontology.graph(), problems, CurationShapes.CONFLICTS);
        for (Path p : Layout.files(layout.conflictNotes(), ".ttl")) {
            CuratedFile f = readChecked(p, shapes);
            if (f == null) continue;
            Node by = NodeFactory.createLiteralString(f.shown());
            List<Node> subjects = f.graph().find().mapWith(Triple::getSubject).toSet().stream()
                    .sorted(java.util.Comparator.comparing(Node::toString)).toList();
            for (Node c : subjects) {
                List<Triple> own = f.graph().find(c, Node.ANY, Node.ANY).toList();
                if (shapes.conforms(f, TIRSH.CuratedConflict, c)) {
                    Location where = f.location(c);
                    Location previous = declaredAt.putIfAbsent(c, where);
                    if (previous != null) {
                        problems.add(f.at(c, "conflict " + (c.isURI() && c.getURI().startsWith(Ids.ID) ? c.getURI().substring(Ids.ID.length()) : c.toString()) + " is already recorded at " + previous + ": one record per conflict"));
                        continue;
                    }
                    List<Triple> published = new ArrayList<>(own);
                    published.add(Triple.create(c, TIR.curatedAt, NodeFactory.createLiteralString(where.toString())));
                    published.add(Triple.create(c, TIR.detectedBy, by));
                    for (Triple t : published) {
                        conflicts.add(t);
                        served.getDefaultGraph().add(t);
                    }
                    continue;
                }
                // Anything but tir:explanation in a note is reported by the shapes.
                for (Triple t : f.graph().find(c, TIR.explanation, Node.ANY).toList()) {
                    if (!conflicts.contains(t.getSubject(), type, Node.ANY)) {
                        problems.add(f.at(t, "no rule found a conflict " + t.getSubject() + " (its facts changed?): update or remove the note"));
                    } else {
                        conflicts.add(t);
                        served.getDefaultGraph().add(t);
                    }
                }
            }
        }
    }

    /**
     * {@code data/dataset.ttl}: what the VoID description and the pages say about the dataset (its title,
     * description, licence, where to start browsing), published in the VoID graph. Its statements are at
     * its lines, for the shapes ({@code tirsh:DatasetShape}); the IRIs of ours it names must be declared.
     */
    private Graph datasetDescription() {
        Path file = layout.datasetDescription();
        if (!java.nio.file.Files.isRegularFile(file)) {
            problems.add(Problem.inFile(layout.show(file), "missing: the dataset's description (its title, description and licence; data/README.md)"));
            return GraphFactory.createDefaultGraph();
        }
        CuratedFile f = readChecked(file, CurationShapes.load(layout, ontology.graph(), problems, CurationShapes.DATASET));
        if (f == null) return GraphFactory.createDefaultGraph();
        for (Node s : f.graph().find().mapWith(Triple::getSubject).toSet())
            declaredAt.putIfAbsent(s, f.location(s));
        keepUnresolvedReferences(f);
        return f.graph();
    }

    /** A fact file as the workers hand it over: parsed, and what the curation shapes said of it (null if it did not parse). */
    private record Checked(CuratedFile file, CurationShapes.Checked shapes) {}

    /** A curated file, read and checked by its shapes (their problems are the build's); null if it does not parse. */
    private CuratedFile readChecked(Path p, CurationShapes shapes) {
        CuratedFile f = CuratedFile.read(layout, p);
        problems.addAll(f.problems());
        if (!f.ok()) return null;
        problems.addAll(shapes.check(f).problems());
        return f;
    }

    /**
     * Declares the file's actors, places and posts (its subjects with a class: their form is the
     * shapes'); one declared in another file too is a clash, which one file cannot show.
     */
    private void declareEntities(CuratedFile f) {
        for (Node s : f.graph().find(Node.ANY, RDF.type.asNode(), Node.ANY).mapWith(Triple::getSubject).toSet()) {
            if (!s.isURI() || !s.getURI().startsWith(Ids.ID)) continue;
            Location previous = declaredAt.putIfAbsent(s, f.location(s));
            if (previous != null && !previous.file().equals(f.shown()))
                problems.add(f.at(s, "IRI clash: " + s.getURI().substring(Ids.ID.length()) + " is already declared at " + previous));
        }
    }

    /** An IRI of ours that a record points to, at the record's file and line. */
    private record Reference(Location at, Node iri) {}

    /**
     * Keeps the references of a file to IRIs of ours not declared so far (in files read before it, or
     * as facts expanded so far); the others are declared, and stay so.
     */
    private void keepUnresolvedReferences(CuratedFile f) {
        f.graph().find().forEach(t -> {
            Node o = t.getObject();
            if (!o.isURI() || !o.getURI().startsWith(Ids.ID) || t.getPredicate().equals(RDF.type.asNode())) return;
            if (!declaredAt.containsKey(o) && !facts.containsKey(o)) pending.add(new Reference(new Location(f.shown(), f.line(t)), o));
        });
    }

    /** Every IRI of ours that a record points to must be declared somewhere (actors' files first, then facts', in order). */
    private void checkReferences() {
        for (Reference r : pending) {
            Node o = r.iri();
            if (!declaredAt.containsKey(o)) {
                String what = o.getURI().substring(Ids.ID.length());
                String kind = what.substring(0, what.indexOf('/') + 1);
                String hint = switch (kind) {
                    case "actor/" -> "declare it in data/actors/";
                    case "place/" -> "declare it in data/actors/places.ttl";
                    case "role/" -> "declare it in data/actors/roles.ttl";
                    case "source/" -> "declare it in data/sources/sources.ttl";
                    case "fact/" -> "no fact has this slug";
                    default -> "not an identifier the project mints";
                };
                problems.add(Problem.at(r.at(), "unknown " + kind.replace("/", "") + " " + what + ": " + hint));
            }
        }
        pending.clear();
    }

    /**
     * Direct triples from agent to counterpart, for facts the source asserts or reports: an
     * allegation or a denial must not turn into a plain statement that the relation holds.
     */
    private void derive(DatasetGraph from) {
        Graph derived = dataset.getGraph(Ids.GRAPH_DERIVED);
        Node type = RDF.type.asNode();
        for (var doc : sources.documents()) {
            // One pass over the facts graph (it has no indexes: TripleSetGraph): each subject's types,
            // certainty, agents and counterparts.
            Map<Node, Map<Node, List<Node>>> bySubject = new HashMap<>();
            // (A partition apart from the dataset holds only the graphs of its own facts: do not add empty
            // ones to it. The dataset itself, KeepAll's one partition, gets one for every source, as published.)
            if (from != dataset && !from.containsGraph(Ids.factsGraph(doc.slug()))) continue;
            from.getGraph(Ids.factsGraph(doc.slug())).find().forEachRemaining(t -> {
                Node p = t.getPredicate();
                if (p.equals(type) || p.equals(TIR.certainty) || p.equals(TIR.agent) || p.equals(TIR.counterpart))
                    bySubject.computeIfAbsent(t.getSubject(), k -> new HashMap<>()).computeIfAbsent(p, k -> new ArrayList<>()).add(t.getObject());
            });
            for (Map<Node, List<Node>> fact : bySubject.values()) {
                List<Node> certainty = fact.getOrDefault(TIR.certainty, List.of());
                if (!certainty.contains(TIR.stated) && !certainty.contains(TIR.reported)) continue;
                for (Node t : fact.getOrDefault(type, List.of())) {
                    Node p = ontology.directProperty(t);
                    if (p == null) continue;
                    for (Node a : fact.getOrDefault(TIR.agent, List.of()))
                        for (Node c : fact.getOrDefault(TIR.counterpart, List.of()))
                            derived.add(a, p, c);
                }
            }
        }
    }

    /**
     * The dataset as the endpoint serves it ({@link ServedDataset#view}), kept in step with
     * {@link #dataset()} by the build; null if the build stopped before its rules (it had problems).
     */
    @Override public DatasetGraph served() { return served; }
    /** The layout built from. */
    @Override public Layout layout() { return layout; }
    /** The built dataset (complete only when there are no problems). */
    @Override public DatasetGraph dataset() { return dataset; }
    /** Problems found while building. */
    @Override public List<Problem> problems() { return problems; }
    /** The source documents. */
    public SourceCatalog sources() { return sources; }
    /** The ontology, or null if it did not parse. */
    public Ontology ontology() { return ontology; }
    /** Fact IRIs, in the order they were read, with where each was declared. */
    public Map<Node, Location> facts() { return facts; }
    /** Where a fact, actor, place, post or source was declared, or null. */
    @Override public Location declaredAt(Node n) { return declaredAt.get(Ids.owner(n)); }
    /** The IRIs with a known declaration site. */
    public Set<Node> declared() { return declaredAt.keySet(); }
}
