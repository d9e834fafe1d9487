package org.w3id.talibanrelations.vocabulary;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The project's ontology, {@code tir:}: one constant per term the code uses.
 * Definitions of every term are in {@code ontology/taliban-relations.ttl}.
 */
public final class TIR {
    private TIR() {}

    /** The ontology IRI. */
    public static final String ONTOLOGY = "https://w3id.org/taliban-relations/ontology";
    /** The namespace of ontology terms. */
    public static final String NS = ONTOLOGY + "#";

    private static Node t(String local) { return NodeFactory.createURI(NS + local); }

    /** Class of all facts: one atomic claim of one source. */
    public static final Node Fact = t("Fact");
    /** Class of actors. */
    public static final Node Actor = t("Actor");
    /** Class of states. */
    public static final Node State = t("State");
    /** Class of actors the source leaves unidentified. */
    public static final Node UnknownActor = t("UnknownActor");
    /** Class of people. */
    public static final Node Person = t("Person");
    /** Class of places. */
    public static final Node Place = t("Place");
    /** Class of posts. */
    public static final Node Role = t("Role");
    /** Class of source documents. */
    public static final Node SourceDocument = t("SourceDocument");
    /** Class of evidence annotations. */
    public static final Node Evidence = t("Evidence");
    /** Class of certainty levels. */
    public static final Node Certainty = t("Certainty");
    /** Class of post holdings. */
    public static final Node PostHolding = t("PostHolding");
    /** tir:CompetencyQuestion: a question the graph answers, with its query. */
    public static final Node CompetencyQuestion = t("CompetencyQuestion");
    /** tir:StanceStep: one dated step of a state's stance, derived from one fact by the timeline rule. */
    public static final Node StanceStep = t("StanceStep");
    /** tir:ShapesFile: a file of the SHACL shapes the build passes. */
    public static final Node ShapesFile = t("ShapesFile");
    /** tir:LintExceptionsFile: data/lint-exceptions.tsv, published so that every exception is visible. */
    public static final Node LintExceptionsFile = t("LintExceptionsFile");
    /** tir:text: a source document's stored text. */
    public static final Node text = t("text");
    /** tir:fileSha256: the SHA-256 of a published text's UTF-8 bytes. */
    public static final Node fileSha256 = t("fileSha256");

    /** The super-property of every role an actor has in a fact. */
    public static final Node actor = t("actor");
    /** The agent role. */
    public static final Node agent = t("agent");
    /** The counterpart role. */
    public static final Node counterpart = t("counterpart");
    /** A further party. */
    public static final Node participant = t("participant");
    /** A facilitator. */
    public static final Node intermediary = t("intermediary");
    /** The person acting for a party. */
    public static final Node representative = t("representative");
    /** Who makes the claim. */
    public static final Node claimant = t("claimant");
    /** Links a conflict to its facts. */
    public static final Node conflictingFact = t("conflictingFact");
    /** The certainty of a fact. */
    public static final Node certainty = t("certainty");
    /** Fact to its evidence annotation. */
    public static final Node evidence = t("evidence");
    /** Shortcut: the fact's instant or the beginning of its interval. */
    public static final Node date = t("date");
    /** Shortcut: the end of the fact's interval. */
    public static final Node endDate = t("endDate");
    /** Position of an instant as xsd:dateTime. */
    public static final Node inDateTime = t("inDateTime");
    /** Precision of an instant: time:unitYear, unitMonth or unitDay. */
    public static final Node datePrecision = t("datePrecision");
    /** The date as the text writes it. */
    public static final Node dateText = t("dateText");
    /** The date was resolved from context. */
    public static final Node dateInferred = t("dateInferred");
    /** Why a value was inferred. */
    public static final Node inferenceNote = t("inferenceNote");
    /** The source gives no date for the fact. */
    public static final Node undated = t("undated");
    /** The date as of which the source speaks. */
    public static final Node asOf = t("asOf");
    /** Precision of tir:asOf. */
    public static final Node asOfPrecision = t("asOfPrecision");
    /** The words giving the as-of date. */
    public static final Node asOfText = t("asOfText");
    /** The as-of date is inferred. */
    public static final Node asOfInferred = t("asOfInferred");
    /** SHA-256 pin of a source's bytes. */
    public static final Node sha256 = t("sha256");
    /** Code points in a source text. */
    public static final Node characterCount = t("characterCount");
    /** Repository path of a source's text. */
    public static final Node storedAt = t("storedAt");
    /** File and line of the curated record. */
    public static final Node curatedAt = t("curatedAt");
    /** On a relation class: the direct property derived from its individuals. */
    public static final Node directProperty = t("directProperty");
    /** A state's stance step: the state. */
    public static final Node stepOf = t("stepOf");
    /** A stance step's rung of the engagement ladder. */
    public static final Node level = t("level");
    /** A rung's ordinal position on the engagement ladder (0, designation, and up). */
    public static final Node rank = t("rank");
    /** On a relation class: its rung of the engagement ladder. */
    public static final Node engagementLevel = t("engagementLevel");
    /** A number the source gives. */
    public static final Node count = t("count");
    /** A share in percent. */
    public static final Node percentage = t("percentage");
    /** An amount as written. */
    public static final Node amount = t("amount");
    /** A resolution's symbol. */
    public static final Node resolution = t("resolution");
    /** How a state voted. */
    public static final Node votePosition = t("votePosition");
    /** The kind of support, as written. */
    public static final Node supportKind = t("supportKind");
    /** A topic, as written. */
    public static final Node topic = t("topic");
    /** Where a fact took place. */
    public static final Node location = t("location");
    /** A denial to the allegation it answers. */
    public static final Node denies = t("denies");
    /** The rule file that derived a resource. */
    public static final Node detectedBy = t("detectedBy");
    /** A curator's explanation of a conflict. */
    public static final Node explanation = t("explanation");
    /** ISO 3166-1 alpha-3 code of a state. */
    public static final Node isoAlpha3 = t("isoAlpha3");

    // Source structure: computed by the build from the stored text (sources.SourceStructure).
    /** Class of sections of a source text. */
    public static final Node SourceSection = t("SourceSection");
    /** Class of tables of a source text. */
    public static final Node SourceTable = t("SourceTable");
    /** Class of rows of a source table. */
    public static final Node TableRow = t("TableRow");
    /** Class of cells of a table row. */
    public static final Node TableCell = t("TableCell");
    /** The innermost section a quote falls in (on an evidence target, and on its fact). */
    public static final Node inSection = t("inSection");
    /** The table row a quote falls in. */
    public static final Node inTableRow = t("inTableRow");
    /** A section heading's level. */
    public static final Node headingLevel = t("headingLevel");
    /** Position in reading order, from 1. */
    public static final Node order = t("order");
    /** Code point offset where a part of a source begins. */
    public static final Node startOffset = t("startOffset");
    /** Code point offset just after a part of a source ends. */
    public static final Node endOffset = t("endOffset");
    /** The text of a row's Date cell. */
    public static final Node dateCell = t("dateCell");
    /** The column a cell is under, as the header names it. */
    public static final Node columnName = t("columnName");
    /** The text of a cell. */
    public static final Node cellText = t("cellText");

    /** Certainty: asserted by the source. */
    public static final Node stated = t("stated");
    /** Certainty: attributed to a report. */
    public static final Node reported = t("reported");
}
