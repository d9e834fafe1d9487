package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.io.RDFTriple;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.publish.Publisher;

/**
 * What a Protégé 5.6 user meets (OWL API 4.5 and HermiT 1.4.5): the ontology alone, and the
 * flattened export of the real data, are each OWL 2 DL (no profile violation), consistent, and
 * without unsatisfiable classes. Loading is offline: the ontology has no {@code owl:imports}, and
 * any attempt of the OWL API to resolve an IRI fails the test.
 */
class OwlDlTest {
    private static final int SHOWN = 50;

    @Test
    void ontologyAloneIsOwl2DlConsistentAndSatisfiable() throws Exception {
        check("ontology/taliban-relations.ttl", TestProjects.REAL.ontology());
    }

    @Test
    void flattenedExportIsOwl2DlConsistentAndSatisfiable(@TempDir Path out) throws Exception {
        KgBuild build = TestProjects.realBuild();
        Publisher.publish(build.dataset(), out);
        check(Publisher.FLAT + " (real data)", out.resolve(Publisher.FLAT));
    }

    private static void check(String name, Path file) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        // Offline: nothing may be fetched. With no mapper answering, the OWL API would fetch an
        // import from the web; this mapper makes any such attempt fail instead.
        manager.getIRIMappers().clear();
        manager.getIRIMappers().add(iri -> { throw new AssertionError(name + ": the OWL API tried to resolve " + iri); });
        OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION)
                .setFollowRedirects(false);

        long t0 = System.nanoTime();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(
                new FileDocumentSource(file.toFile(), new TurtleDocumentFormat()), config);
        long loaded = System.nanoTime();
        assertTrue(ontology.getImportsDeclarations().isEmpty(), name + " has owl:imports: " + ontology.getImportsDeclarations());
        assertEquals(1, manager.getOntologies().size(), name + ": only the file itself is loaded");
        // Triples the OWL API cannot map to OWL are dropped (Protégé would not show them), and
        // declarations it has to guess mean a term the ontology does not declare.
        RDFParserMetaData meta = (RDFParserMetaData) manager.getOntologyFormat(ontology).getOntologyLoaderMetaData();
        Set<RDFTriple> unparsed = meta.getUnparsedTriples();
        var guessed = meta.getGuessedDeclarations();

        List<OWLProfileViolation> violations = new OWL2DLProfile().checkOntology(ontology).getViolations();
        long profiled = System.nanoTime();

        OWLReasoner reasoner = new ReasonerFactory().createReasoner(ontology);
        boolean consistent;
        Set<OWLClass> unsatisfiable = Set.of();
        try {
            consistent = reasoner.isConsistent();
            if (consistent) unsatisfiable = reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom();
        } finally {
            reasoner.dispose();
        }
        long reasoned = System.nanoTime();

        System.out.printf("%s: %d axioms (%d logical), %d classes, %d individuals; %d unparsed triples, %d guessed declarations; %d OWL 2 DL violations; "
                        + "HermiT: %s, %d unsatisfiable classes; load %d ms, profile %d ms, HermiT %d ms%n",
                name, ontology.getAxiomCount(), ontology.getLogicalAxiomCount(),
                ontology.getClassesInSignature().size(), ontology.getIndividualsInSignature().size(),
                unparsed.size(), guessed.size(),
                violations.size(), consistent ? "consistent" : "INCONSISTENT", unsatisfiable.size(),
                ms(t0, loaded), ms(loaded, profiled), ms(profiled, reasoned));

        assertTrue(unparsed.isEmpty(), name + ": " + unparsed.size() + " triples the OWL API cannot read as OWL (first " + SHOWN + "):\n  "
                + unparsed.stream().limit(SHOWN).map(Object::toString).collect(Collectors.joining("\n  ")));
        assertTrue(guessed.isEmpty(), name + ": terms used without a declaration: " + guessed.keySet());
        if (!violations.isEmpty())
            fail(name + ": " + violations.size() + " OWL 2 DL profile violations (first " + Math.min(SHOWN, violations.size()) + "):\n  "
                    + violations.stream().limit(SHOWN).map(Object::toString).collect(Collectors.joining("\n  ")));
        assertTrue(consistent, name + ": HermiT finds the ontology inconsistent");
        assertTrue(unsatisfiable.isEmpty(), name + ": unsatisfiable classes: " + unsatisfiable);
    }

    private static long ms(long from, long to) { return (to - from) / 1_000_000; }
}
