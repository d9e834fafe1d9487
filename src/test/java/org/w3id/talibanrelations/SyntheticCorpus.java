package org.w3id.talibanrelations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.sources.SourceCatalog;

/**
 * A seeded synthetic project for scale benchmarks: {@code SyntheticCorpus DIR FACTS [SEED] [DOCUMENTS]}
 * writes into DIR a complete project (the real {@code ontology/}, {@code shapes/} and {@code queries/rules/},
 * and a generated {@code data/}) with exactly FACTS curated facts. The same arguments give the same bytes.
 *
 * <p>What it writes, in the curated format of {@code data/README.md}:
 * <ul>
 *   <li>source documents of English prose (sections, paragraphs, one paragraph per line): sentences about
 *       states, envoys, embassies, meetings, visits, sanctions and votes, with dates written as texts write
 *       them ("On 4 July 2025", "in March 2019", "from 2005 to 2013", "since 2021", "last month"), plus
 *       sentences no fact quotes; each pinned by its SHA-256, with an as-of date;</li>
 *   <li>actors: fictional states with unique ISO-like alpha-3 codes, people holding posts, capitals and
 *       other cities, international organisations, armed groups and news outlets, plus the fixed actors the
 *       rules name (the Taliban movement and the Islamic Emirate); only actors some fact uses are declared;</li>
 *   <li>facts of 25 relation classes with all six certainty levels (allegations with their denials, linked
 *       by {@code tir:denies}), day, month and year precision, closed and open intervals, inferred and
 *       unknown dates, claimants, representatives, participants, locations, topics, votes and tallies.
 *       Every {@code cur:quote} is a whole sentence that occurs exactly once in its source (checked while
 *       writing); some facts also cite a formulaic sentence that recurs, by {@code cur:occurrence}.</li>
 * </ul>
 *
 * <p>How it grows: the number of documents is about {@code sqrt(FACTS)/4} (at least 5), so documents get
 * both more numerous and longer; states (FACTS/80), people (FACTS/20), places, organisations and outlets
 * grow in proportion to the facts, so that each actor has about as many facts at every size from 1,000 on,
 * as a corpus that grows by covering more of the world would. The Taliban side is fixed, and is the counterpart of about a third of the facts. Tallies of
 * recognitions (which the superseded-status rule pairs with every later recognition) stay few.
 */
public final class SyntheticCorpus {
    /** Changes whenever the output for given arguments changes. */
    public static final int VERSION = 1;

    /** What was written. */
    public record Summary(int facts, int documents, int actors, int quotes, long textChars) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticCorpus DIR FACTS [SEED=1] [DOCUMENTS=max(5, sqrt(FACTS)/4)]");
            System.exit(2);
        }
        int facts = Integer.parseInt(args[1].replace("_", ""));
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        int docs = args.length > 3 ? Integer.parseInt(args[3]) : defaultDocuments(facts);
        long t0 = System.nanoTime();
        Summary s = write(Path.of(args[0]), facts, seed, docs);
        System.out.printf("%s: %,d facts, %,d quotes, %,d documents (%,d characters), %,d actors declared, in %.1f s%n",
                args[0], s.facts(), s.quotes(), s.documents(), s.textChars(), s.actors(), (System.nanoTime() - t0) / 1e9);
    }

    /** Documents for a number of facts: about sqrt(facts)/4, at least 5. */
    public static int defaultDocuments(int facts) {
        return Math.max(5, (int) Math.round(Math.sqrt(facts) / 4));
    }

    /** Writes a project with the default number of documents. */
    public static Summary write(Path root, int facts, long seed) {
        return write(root, facts, seed, defaultDocuments(facts));
    }

    /** Writes a project into {@code root} (which must not hold a {@code data/} folder yet). */
    public static Summary write(Path root, int facts, long seed, int documents) {
        if (facts < 1 || documents < 1) throw new IllegalArgumentException("facts and documents must be positive");
        try {
            if (Files.exists(root.resolve("data"))) throw new IllegalArgumentException(root + "/data exists: give an empty folder");
            Files.createDirectories(root);
            TestProjects.copyTree(TestProjects.REAL.root().resolve("ontology"), root.resolve("ontology"));
            TestProjects.copyTree(TestProjects.REAL.root().resolve("shapes"), root.resolve("shapes"));
            TestProjects.copyTree(TestProjects.REAL.rules(), root.resolve("queries/rules"));
            return new SyntheticCorpus(root, facts, seed, documents).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------ the world

    /** An actor, place or post. */
    static final class Entity {
        final String prefix, slug, label, type;
        String iso;                // states
        Entity capital, city;      // states: their capital and a second city
        Entity affiliation;        // people: the state or government they serve
        Entity role;               // people: their post
        Entity subOrganizationOf;
        Entity country;            // places: the state they lie in (tir:inCountry)
        String comment;
        LocalDate recognizes;      // states that formally recognise the Islamic Emirate, and when
        boolean used;
        final List<String> altLabels = new ArrayList<>();

        Entity(String prefix, String slug, String label, String type) {
            this.prefix = prefix; this.slug = slug; this.label = label; this.type = type;
        }
        String ref() { return prefix + ":" + slug; }
        /** How a text names it, in running prose. */
        String text() { return isDefinite() ? "the " + label : label; }
        boolean isDefinite() {
            return type.equals("tir:InternationalOrganization") || type.equals("tir:OrganizationOrgan")
                    || type.equals("tir:ArmedGroup") || type.equals("tir:Movement") || type.equals("tir:DeFactoGovernment")
                    || type.equals("tir:Organization") && !label.startsWith("Radio ");
        }
    }

    private static final String[] SYLLABLES = {
        "ka", "ren", "vol", "mar", "dis", "tor", "bel", "sha", "nor", "vi", "la", "zan", "qu", "ir", "ost", "em",
        "ber", "ga", "lu", "sen", "dor", "ash", "tek", "mi", "ra", "hol", "ven", "ul", "pra", "cel", "yan", "fer",
        "ko", "das", "ri", "mun", "tal", "es", "bar", "nik", "so", "gor", "al", "than", "pe", "ru", "zim", "or",
        "kel", "va", "dan", "ti", "sor", "mo", "lin", "har", "ze", "kur", "ne", "bo", "sta", "fa", "dru", "ke" };
    private static final String[] STATE_ENDINGS = { "ia", "stan", "land", "ora", "ica", "ania", "ovia", "", "", "a", "en" };
    private static final String[] CITY_ENDINGS = { "abad", "grad", "ovo", "polis", "", "ara", "port", "sk", "ine" };
    private static final String[] MONTHS = new String[13];
    static {
        for (int m = 1; m <= 12; m++) MONTHS[m] = java.time.Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static final LocalDate EARLIEST = LocalDate.of(1996, 1, 1);
    private static final LocalDate RECENT = LocalDate.of(2021, 8, 15);

    private final Path root;
    private final int factCount, docCount;
    private final long seed;
    private final SplittableRandom rnd;

    private final Set<String> labels = new HashSet<>(), slugs = new HashSet<>(), isoCodes = new HashSet<>();
    private final List<Entity> states = new ArrayList<>(), people = new ArrayList<>(), ieaPeople = new ArrayList<>(),
            armedGroups = new ArrayList<>(), ios = new ArrayList<>(), outlets = new ArrayList<>(), extraCities = new ArrayList<>(),
            recognizers = new ArrayList<>();
    private final Map<String, Entity> roles = new LinkedHashMap<>();
    private final Entity taliban, iea, un, unga, kabul, afghanistan;
    private final Set<String> factSlugs = new HashSet<>();

    private SyntheticCorpus(Path root, int facts, long seed, int documents) {
        this.root = root;
        this.factCount = facts;
        this.docCount = Math.min(documents, facts);
        this.seed = seed;
        this.rnd = new SplittableRandom(seed);
        for (String reserved : List.of("taliban", "islamic-emirate-of-afghanistan", "united-nations", "un-general-assembly", "kabul", "afghanistan"))
            slugs.add(reserved);
        isoCodes.add("AFG");
        taliban = new Entity("actor", "taliban", "Taliban", "tir:Movement");
        taliban.altLabels.add("Taliban movement");
        iea = new Entity("actor", "islamic-emirate-of-afghanistan", "Islamic Emirate of Afghanistan", "tir:DeFactoGovernment");
        iea.altLabels.add("Taliban government");
        iea.subOrganizationOf = taliban;
        un = new Entity("actor", "united-nations", "United Nations", "tir:InternationalOrganization");
        unga = new Entity("actor", "un-general-assembly", "United Nations General Assembly", "tir:OrganizationOrgan");
        unga.subOrganizationOf = un;
        afghanistan = new Entity("actor", "afghanistan", "Afghanistan", "tir:State");
        afghanistan.iso = "AFG";
        kabul = new Entity("place", "kabul", "Kabul", "tir:Place");
        kabul.country = afghanistan;
        for (String[] r : new String[][] {
                { "foreign-minister", "foreign minister", "single" }, { "president", "president", "single" },
                { "ambassador", "ambassador", "" }, { "special-envoy", "special envoy", "" },
                { "deputy-foreign-minister", "deputy foreign minister", "" }, { "spokesman", "spokesman", "" } }) {
            Entity e = new Entity("role", r[0], r[1], "tir:Role");
            if (!r[2].isEmpty()) e.comment = "single";
            roles.put(r[0], e);
        }
        populate();
    }

    private static int clamp(long v, int lo, int hi) { return (int) Math.max(lo, Math.min(hi, v)); }

    private void populate() {
        int nStates = clamp(factCount / 80, 8, 15_000);
        for (int i = 0; i < nStates; i++) {
            String label = uniqueName(() -> cap(join(syl(2 + (rnd.nextInt(4) == 0 ? 1 : 0)), pick(STATE_ENDINGS))));
            Entity s = new Entity("actor", slugOf(label), label, "tir:State");
            s.iso = isoFor(label);
            s.capital = city();
            s.city = city();
            s.capital.country = s;
            s.city.country = s;
            if (rnd.nextInt(100) < 4) {
                s.recognizes = day(RECENT.plusDays(30), LocalDate.of(2025, 9, 30));
                recognizers.add(s);
            }
            states.add(s);
        }
        if (recognizers.isEmpty()) { states.get(0).recognizes = LocalDate.of(2025, 7, 3); recognizers.add(states.get(0)); }
        int nPeople = clamp(factCount / 20, 20, 1_000_000);
        for (int i = 0; i < nPeople; i++) {
            String label = uniqueName(() -> cap(syl(2)) + " " + cap(syl(2 + rnd.nextInt(2))));
            Entity p = new Entity("actor", slugOf(label), label, "tir:Person");
            if (i % 7 == 3) {
                p.affiliation = iea;
                p.role = roles.get(List.of("ambassador", "special-envoy", "spokesman", "deputy-foreign-minister").get(rnd.nextInt(4)));
                ieaPeople.add(p);
            } else {
                Entity s = states.get(i % states.size());
                p.affiliation = s;
                // The first two people of a state are its president and foreign minister, one each.
                int rank = i / states.size();
                p.role = rank == 0 ? roles.get("president") : rank == 1 ? roles.get("foreign-minister")
                        : roles.get(List.of("ambassador", "special-envoy", "deputy-foreign-minister", "spokesman").get(rnd.nextInt(4)));
            }
            people.add(p);
        }
        for (int i = 0, n = clamp(factCount / 400, 2, 100_000); i < n; i++) {
            Entity c = city();
            c.country = states.get(i % states.size());
            extraCities.add(c);
        }
        for (int i = 0, n = clamp(factCount / 250, 2, 100_000); i < n; i++) {
            String label = uniqueName(() -> switch (rnd.nextInt(4)) {
                case 0 -> cap(syl(2)) + " Liberation Front";
                case 1 -> cap(syl(2)) + " Brigades";
                case 2 -> "Movement for a Free " + cap(syl(2));
                default -> cap(syl(2)) + " Resistance Army";
            });
            armedGroups.add(new Entity("actor", slugOf(label), label, "tir:ArmedGroup"));
        }
        for (int i = 0, n = clamp(factCount / 1000, 1, 100_000); i < n; i++) {
            String label = uniqueName(() -> rnd.nextBoolean() ? cap(syl(2)) + " Cooperation Organization" : "Council of " + cap(syl(2)) + " States");
            ios.add(new Entity("actor", slugOf(label), label, "tir:InternationalOrganization"));
        }
        for (int i = 0, n = clamp(factCount / 500, 2, 100_000); i < n; i++) {
            String label = uniqueName(() -> switch (rnd.nextInt(3)) {
                case 0 -> cap(syl(2)) + " News Agency";
                case 1 -> "Radio " + cap(syl(2));
                default -> cap(syl(2)) + " Herald";
            });
            outlets.add(new Entity("actor", slugOf(label), label, "tir:Organization"));
        }
    }

    private Entity city() {
        String label = uniqueName(() -> cap(join(syl(2), pick(CITY_ENDINGS))));
        return new Entity("place", slugOf(label), label, "tir:Place");
    }

    private String uniqueName(java.util.function.Supplier<String> gen) {
        for (int i = 0; i < 10_000; i++) {
            String s = gen.get();
            String slug = slugOf(s);
            if (s.length() > 3 && labels.add(s) && slugs.add(slug)) return s;
        }
        throw new IllegalStateException("name space exhausted");
    }

    private String isoFor(String label) {
        String l = label.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        for (int i = 1; i < l.length(); i++)
            for (int j = i + 1; j < l.length(); j++) {
                String c = "" + l.charAt(0) + l.charAt(i) + l.charAt(j);
                if (isoCodes.add(c)) return c;
            }
        // Then any free code, from the name's initial on.
        int from = (l.charAt(0) - 'A') * 676;
        for (int k = 0; k < 17_576; k++) {
            int x = (from + k) % 17_576;
            String c = "" + (char) ('A' + x / 676) + (char) ('A' + x / 26 % 26) + (char) ('A' + x % 26);
            if (isoCodes.add(c)) return c;
        }
        throw new IllegalStateException("ISO-like codes exhausted");
    }

    private String syl(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(pick(SYLLABLES));
        return sb.toString();
    }

    /** A stem and an ending, without a doubled vowel where they meet ("Miti" + "ia" is "Mitia"). */
    private static String join(String stem, String ending) {
        if (!ending.isEmpty() && stem.charAt(stem.length() - 1) == ending.charAt(0) && "aeiou".indexOf(ending.charAt(0)) >= 0)
            return stem + ending.substring(1);
        return stem + ending;
    }

    private static String cap(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }
    private static String slugOf(String label) { return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""); }
    private String pick(String[] a) { return a[rnd.nextInt(a.length)]; }
    private <T> T pick(List<T> a) { return a.get(rnd.nextInt(a.size())); }
    private boolean chance(int percent) { return rnd.nextInt(100) < percent; }

    private LocalDate day(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) return to;
        return LocalDate.ofEpochDay(from.toEpochDay() + rnd.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
    }

    // ------------------------------------------------------------------------------------ facts

    /** When a fact happened, in the curation syntax and as the text writes it. */
    record When(String cur, String text, String inferred, String atStart, String atEnd) {
        static final When UNKNOWN = new When("unknown", null, null, null, "");
        boolean known() { return !cur.equals("unknown"); }
    }

    /** A fact under construction. */
    static final class Fact {
        String slug, cls, certainty, asOf, asOfText;
        When when = When.UNKNOWN;
        final List<String[]> props = new ArrayList<>();
        final List<Entity> refs = new ArrayList<>();
        final List<String> quotes = new ArrayList<>();
        String formula;        // a recurring sentence cited by occurrence
        int formulaAt = -1;    // its offset in the text, once placed
        int occurrence;
        Fact denies;
        String comment;

        void role(String p, Entity e) { props.add(new String[] { p, e.ref() }); refs.add(e); }
        void literal(String p, String lexical) { props.add(new String[] { p, lit(lexical) }); }
    }

    /** What a class says, before a certainty frames it. */
    static final class Draft {
        final Fact f = new Fact();
        Entity agent;
        String subject, past, base; // "Valmora", "formally recognized …", "formally recognize …"
        boolean stance, oneDate;    // stances may have intervals; one-off events keep one date
        String slugVerb, slugObject;
        LocalDate fixedDay;         // the world's date for this event, if it has one
        final List<String> certainties = new ArrayList<>(List.of("stated"));
    }

    private static final String[] TOPICS = { "trade and transit", "border security", "humanitarian aid", "water sharing on the border rivers",
        "the reopening of consulates", "visas for traders", "railway construction", "counter-narcotics cooperation", "the return of refugees",
        "mining concessions", "electricity imports", "the rights of women and girls", "flights between the two capitals", "the release of detainees",
        "a regional gas pipeline", "education for girls", "banking restrictions", "the situation of minorities", "drought relief", "customs duties" };
    private static final String[] SUPPORT_KINDS = { "financial", "military", "political", "logistical", "diplomatic" };
    private static final String[] OFFENCES = { "an attack on a border post", "the execution of prisoners", "a bombing in a crowded market",
        "the detention of aid workers", "restrictions on the press", "the closure of girls' schools", "shelling across the border" };
    private static final String[] FORMULAS = { "The ministry did not give further details.", "No further details were released.",
        "The talks were described as constructive.", "Both sides agreed to stay in contact.", "The statement was published on the ministry’s website." };
    private static final String[] FILLERS = {
        "Observers said the situation remained fluid.", "Analysts described the year as a turning point for regional diplomacy.",
        "The region has long been a crossroads of competing interests.", "Trade across the border has grown steadily in recent years.",
        "Diplomats in the region spoke on condition of anonymity.", "Humanitarian agencies continued to warn of food shortages.",
        "The economy of Afghanistan remains heavily dependent on foreign aid.", "Several governments have reviewed their policies since August 2021.",
        "Security along the border remained a concern for neighbouring states.", "The question of recognition divided the international community." };
    private static final String[] HEADINGS = { "Recognition and diplomatic ties", "Embassies and consulates", "Visits and meetings",
        "Security and sanctions", "Regional cooperation", "Votes at the United Nations", "Envoys and officials", "Allegations and denials",
        "Background", "Trade and aid" };

    private static final int[] CLASS_WEIGHTS;
    private static final String[] CLASSES = {
        "Statement", "Support", "PostHolding", "Meeting", "Visit", "DeFactoTies", "Contact", "Alliance", "Opposition", "Hostility",
        "Sanction", "Condemnation", "Agreement", "PhoneCall", "AmbassadorAppointment", "EmbassyHandover", "ConsulateHandover",
        "CredentialsAcceptance", "FormalRecognition", "NonRecognition", "OppositionToRecognition", "TerroristDesignation",
        "DiplomaticRelationsEstablished", "UNVote" };
    static {
        int[] w = { 100, 80, 100, 90, 60, 40, 40, 30, 30, 20, 20, 30, 30, 30, 20, 15, 10, 15, 10, 15, 15, 15, 10, 30 };
        CLASS_WEIGHTS = new int[w.length];
        for (int i = 0, sum = 0; i < w.length; i++) { sum += w[i]; CLASS_WEIGHTS[i] = sum; }
    }

    private String pickClass() {
        int r = rnd.nextInt(CLASS_WEIGHTS[CLASS_WEIGHTS.length - 1]);
        for (int i = 0; i < CLASS_WEIGHTS.length; i++) if (r < CLASS_WEIGHTS[i]) return CLASSES[i];
        throw new AssertionError();
    }

    private Entity state() { return pick(states); }
    private Entity otherState(Entity not) {
        for (;;) { Entity s = state(); if (s != not) return s; }
    }
    private Entity talibanSide() { return chance(75) ? iea : taliban; }
    private Entity statePerson() {
        for (;;) { Entity p = pick(people); if (p.affiliation != iea) return p; }
    }
    private Entity anyPerson() { return chance(30) ? pick(ieaPeople) : statePerson(); }
    private String ieaText() { return switch (rnd.nextInt(4)) { case 0, 1 -> "the Islamic Emirate of Afghanistan"; case 2 -> "the Islamic Emirate"; default -> "the Taliban government"; }; }
    private String text(Entity e) {
        if (e == iea) return ieaText();
        if (e == taliban) return chance(80) ? "the Taliban" : "the Taliban movement";
        return e.text();
    }
    /** A person as a text introduces them: "Valmora’s foreign minister Daran Velkasi". */
    private String personText(Entity p) {
        String who = p.affiliation == iea ? (chance(50) ? "the Taliban’s " : "the Islamic Emirate’s ") : p.affiliation.label + "’s ";
        return who + p.role.label + " " + p.label;
    }

    private Draft draft(String cls, LocalDate asOf) {
        Draft d = new Draft();
        Fact f = d.f;
        f.cls = cls;
        d.stance = true;
        switch (cls) {
            case "FormalRecognition" -> {
                Entity a = pick(recognizers);
                agentCounterpart(d, a, iea);
                String c = text(iea);
                d.past = "formally recognized " + c + " as the legitimate government of Afghanistan";
                d.base = "formally recognize " + c + " as the legitimate government of Afghanistan";
                d.oneDate = true;
                d.fixedDay = a.recognizes.isAfter(asOf) || chance(90) ? a.recognizes : a.recognizes.plusDays(1);
                d.certainties.addAll(List.of("stated", "stated", "reported", "unconfirmed"));
                d.slugVerb = "recognizes";
            }
            case "NonRecognition" -> {
                agentCounterpart(d, nonRecognizer(), iea);
                String c = text(iea);
                d.past = chance(50) ? "declined to recognize " + c : "withheld recognition from " + c;
                d.base = "decline to recognize " + c;
                d.certainties.add("reported");
                d.slugVerb = "does-not-recognize";
            }
            case "OppositionToRecognition" -> {
                agentCounterpart(d, nonRecognizer(), iea);
                String c = text(iea);
                d.past = chance(50) ? "ruled out recognizing " + c + " as the government of Afghanistan" : "called on other states not to recognize " + c;
                d.base = "rule out recognizing " + c;
                d.certainties.add("reported");
                d.slugVerb = "opposes-recognition-of";
            }
            case "CredentialsAcceptance" -> {
                Entity a = chance(60) ? pick(recognizers) : state();
                agentCounterpart(d, a, iea);
                Entity r = pick(ieaPeople);
                f.role("tir:representative", r);
                d.past = "accepted the credentials of " + r.label + ", the envoy appointed by " + text(iea);
                d.base = "accept the credentials of " + r.label + ", the envoy appointed by " + text(iea);
                d.oneDate = true;
                d.certainties.addAll(List.of("reported", "planned"));
                d.slugVerb = "accepts-credentials-of-" + r.slug;
            }
            case "DeFactoTies" -> {
                Entity c = talibanSide();
                agentCounterpart(d, state(), c);
                d.past = chance(50) ? "kept working diplomatic ties with " + text(c) + " without formally recognizing it"
                        : "dealt with " + text(c) + " as the de facto authority in Kabul";
                d.base = "keep working diplomatic ties with " + text(c);
                d.certainties.add("reported");
                d.slugVerb = "has-ties-with";
            }
            case "EmbassyHandover", "ConsulateHandover" -> {
                Entity a = state();
                agentCounterpart(d, a, iea);
                boolean embassy = cls.equals("EmbassyHandover");
                Entity where = embassy ? a.capital : a.city;
                f.role("tir:location", where);
                String what = embassy ? "the Afghan embassy in " : "the Afghan consulate in ";
                d.past = chance(50) ? "handed over " + what + where.label + " to " + text(iea) : "handed " + what + where.label + " over to " + text(iea);
                d.base = "hand over " + what + where.label + " to " + text(iea);
                d.oneDate = embassy;
                d.stance = false;
                d.certainties.addAll(List.of("reported", "unconfirmed", "planned"));
                d.slugVerb = embassy ? "hands-embassy-to" : "hands-consulate-to";
            }
            case "DiplomaticRelationsEstablished" -> {
                Entity a = state();
                Entity c = chance(50) ? iea : otherState(a);
                agentCounterpart(d, a, c);
                d.past = "established diplomatic relations with " + text(c);
                d.base = "establish diplomatic relations with " + text(c);
                d.oneDate = true;
                d.stance = false;
                d.certainties.addAll(List.of("reported", "planned"));
                d.slugVerb = "establishes-relations-with";
            }
            case "AmbassadorAppointment" -> {
                boolean byIea = chance(40);
                Entity a = byIea ? iea : state();
                Entity c = byIea ? state() : (chance(50) ? iea : otherState(a));
                Entity r = byIea ? pick(ieaPeople) : statePerson();
                agentCounterpart(d, a, c);
                f.role("tir:representative", r);
                d.subject = text(a);
                d.past = "appointed " + r.label + " as its ambassador to " + text(c);
                d.base = "appoint " + r.label + " as its ambassador to " + text(c);
                d.stance = false;
                d.certainties.add("reported");
                d.slugVerb = "appoints-" + r.slug + "-to";
            }
            case "TerroristDesignation" -> {
                Entity c = chance(60) ? taliban : pick(armedGroups);
                agentCounterpart(d, state(), c);
                d.past = chance(50) ? "designated " + text(c) + " as a terrorist organization" : "listed " + text(c) + " as a terrorist group";
                d.base = "designate " + text(c) + " as a terrorist organization";
                d.certainties.add("reported");
                d.slugVerb = "designates";
            }
            case "Support" -> {
                Entity a = state();
                Entity c = switch (rnd.nextInt(3)) { case 0 -> taliban; case 1 -> pick(armedGroups); default -> otherState(a); };
                agentCounterpart(d, a, c);
                String kind = pick(SUPPORT_KINDS);
                f.literal("tir:supportKind", kind);
                d.past = "provided " + kind + " support to " + text(c);
                d.base = "provide " + kind + " support to " + text(c);
                d.certainties.addAll(List.of("reported", "alleged", "alleged", "unconfirmed"));
                d.slugVerb = "supports";
            }
            case "Opposition" -> {
                Entity a = state();
                Entity c = switch (rnd.nextInt(3)) { case 0 -> taliban; case 1 -> pick(armedGroups); default -> otherState(a); };
                agentCounterpart(d, a, c);
                d.past = chance(50) ? "opposed " + text(c) + " in regional forums" : "backed international efforts to contain " + text(c);
                d.base = "oppose " + text(c);
                d.certainties.add("reported");
                d.slugVerb = "opposes";
            }
            case "Hostility" -> {
                Entity a = state();
                Entity c = chance(70) ? otherState(a) : pick(armedGroups);
                agentCounterpart(d, a, c);
                d.past = chance(50) ? "fought a series of border clashes with " + text(c) : "regarded " + text(c) + " as an enemy";
                d.base = "fight " + text(c);
                d.certainties.addAll(List.of("reported", "alleged"));
                d.slugVerb = "hostile-to";
            }
            case "Alliance" -> {
                Entity a = state();
                Entity c = otherState(a);
                agentCounterpart(d, a, c);
                d.past = chance(50) ? "formed a strategic alliance with " + text(c) : "signed a mutual defence pact with " + text(c);
                d.base = "form a strategic alliance with " + text(c);
                d.certainties.add("reported");
                d.slugVerb = "allies-with";
            }
            case "Sanction" -> {
                Entity a = chance(80) ? state() : pick(ios);
                Entity c = switch (rnd.nextInt(4)) { case 0 -> iea; case 1 -> pick(ieaPeople); case 2 -> pick(armedGroups); default -> otherState(a); };
                agentCounterpart(d, a, c);
                d.past = chance(50) ? "imposed sanctions on " + text(c) : "froze assets belonging to " + text(c);
                d.base = "impose sanctions on " + text(c);
                d.certainties.add("reported");
                d.slugVerb = "sanctions";
            }
            case "Contact" -> {
                Entity c = talibanSide();
                agentCounterpart(d, state(), c);
                d.past = chance(50) ? "maintained quiet contacts with " + text(c) : "opened a channel of communication with " + text(c);
                d.base = "open a channel of communication with " + text(c);
                d.certainties.addAll(List.of("reported", "alleged"));
                d.slugVerb = "contacts";
            }
            case "Meeting" -> {
                Entity p1 = statePerson();
                Entity p2 = chance(60) ? pick(ieaPeople) : statePerson();
                if (p2 == p1 || p2.affiliation == p1.affiliation) p2 = pick(ieaPeople);
                Entity where = chance(50) ? p1.affiliation.capital : p2.affiliation == iea ? kabul : p2.affiliation.capital;
                agentCounterpart(d, p1, p2);
                f.role("tir:participant", p1.affiliation);
                f.role("tir:participant", p2.affiliation);
                f.role("tir:location", where);
                String topic = pick(TOPICS);
                f.literal("tir:topic", topic);
                d.subject = personText(p1);
                d.past = "met " + personText(p2) + " in " + where.label + " to discuss " + topic;
                d.base = "meet " + personText(p2) + " in " + where.label;
                d.stance = false;
                d.certainties.addAll(List.of("reported", "unconfirmed", "planned"));
                d.slugVerb = "meets";
                if (chance(15)) f.formula = chance(50) ? FORMULAS[2] : FORMULAS[3];
            }
            case "Visit" -> {
                Entity p = anyPerson();
                Entity host = otherState(p.affiliation);
                Entity where = host.capital;
                agentCounterpart(d, p, host);
                f.role("tir:location", where);
                d.subject = personText(p);
                d.past = "travelled to " + where.label + " at the invitation of the government of " + host.label;
                d.base = "travel to " + where.label;
                d.stance = false;
                d.certainties.addAll(List.of("reported", "planned"));
                d.slugVerb = "visits";
            }
            case "PhoneCall" -> {
                Entity p1 = anyPerson();
                Entity p2 = statePerson();
                while (p2.affiliation == p1.affiliation) p2 = statePerson();
                agentCounterpart(d, p1, p2);
                String topic = pick(TOPICS);
                f.literal("tir:topic", topic);
                d.subject = personText(p1);
                d.past = "spoke by telephone with " + p2.label + " about " + topic;
                d.base = "speak by telephone with " + p2.label;
                d.stance = false;
                d.certainties.addAll(List.of("reported", "unconfirmed"));
                d.slugVerb = "calls";
                if (chance(15)) f.formula = FORMULAS[1];
            }
            case "Agreement" -> {
                Entity a = state();
                Entity c = chance(40) ? iea : otherState(a);
                agentCounterpart(d, a, c);
                String topic = pick(TOPICS);
                f.literal("tir:topic", topic);
                String mediated = "";
                if (chance(20)) {
                    Entity i = otherState(a);
                    if (i != c) { f.role("tir:intermediary", i); mediated = ", mediated by " + i.label; }
                }
                d.past = "signed an agreement on " + topic + " with " + text(c) + mediated;
                d.base = "sign an agreement on " + topic + " with " + text(c);
                d.stance = false;
                d.certainties.addAll(List.of("reported", "planned"));
                d.slugVerb = "agrees-with";
                if (chance(15)) f.formula = FORMULAS[3];
            }
            case "Statement" -> {
                Entity a = switch (rnd.nextInt(3)) { case 0 -> iea; case 1 -> pick(ios); default -> state(); };
                Entity c = a == iea ? state() : chance(50) ? iea : state();
                if (c == a) c = iea;
                agentCounterpart(d, a, c);
                String topic = pick(TOPICS);
                f.literal("tir:topic", topic);
                d.past = chance(50) ? "issued a statement on " + topic + " addressed to " + text(c) : "called on " + text(c) + " to act on " + topic;
                d.base = "issue a statement on " + topic;
                d.stance = false;
                d.certainties.add("reported");
                d.slugVerb = "statement-to";
                if (chance(20)) f.formula = chance(50) ? FORMULAS[4] : FORMULAS[0];
            }
            case "Condemnation" -> {
                Entity a = chance(80) ? state() : pick(ios);
                Entity c = switch (rnd.nextInt(3)) { case 0 -> iea; case 1 -> pick(armedGroups); default -> state(); };
                if (c == a) c = iea;
                agentCounterpart(d, a, c);
                String offence = pick(OFFENCES);
                f.literal("tir:topic", offence);
                d.past = "condemned " + text(c) + " for " + offence;
                d.base = "condemn " + text(c);
                d.stance = false;
                d.certainties.add("reported");
                d.slugVerb = "condemns";
            }
            case "UNVote" -> {
                Entity a = state();
                agentCounterpart(d, a, unga);
                String res = "A/RES/" + (51 + rnd.nextInt(29)) + "/" + (1 + rnd.nextInt(300));
                f.literal("tir:resolution", res);
                String position;
                switch (rnd.nextInt(3)) {
                    case 0 -> { position = "voteYes"; d.past = "voted in favour of resolution " + res + " in the United Nations General Assembly"; }
                    case 1 -> { position = "voteNo"; d.past = "voted against resolution " + res + " in the United Nations General Assembly"; }
                    default -> { position = "voteAbstain"; d.past = "abstained in the vote on resolution " + res + " in the United Nations General Assembly"; }
                }
                f.props.add(new String[] { "tir:votePosition", "tir:" + position });
                d.base = "vote on resolution " + res;
                d.stance = false;
                d.oneDate = true;
                d.certainties.add("reported");
                d.slugVerb = "votes-" + res.toLowerCase(Locale.ROOT).replace('/', '-');
            }
            case "PostHolding" -> {
                Entity p = anyPerson();
                d.agent = p;
                f.role("org:member", p);
                f.role("org:organization", p.affiliation);
                f.role("org:role", p.role);
                d.subject = p.label;
                String of = p.affiliation == iea ? text(iea) : p.affiliation.label;
                d.past = "served as the " + p.role.label + " of " + of;
                d.base = "serve as the " + p.role.label + " of " + of;
                d.certainties.add("reported");
                d.slugVerb = "holds-" + p.role.slug;
                d.slugObject = p.affiliation.slug;
            }
            default -> throw new AssertionError(cls);
        }
        return d;
    }

    private Entity nonRecognizer() {
        for (;;) { Entity s = state(); if (s.recognizes == null || chance(10)) return s; }
    }

    private void agentCounterpart(Draft d, Entity a, Entity c) {
        d.agent = a;
        d.f.role("tir:agent", a);
        d.f.role("tir:counterpart", c);
        if (d.subject == null) d.subject = text(a);
        d.slugObject = c.slug;
    }

    /** A date for a fact, no later than the document's as-of date unless planned. */
    private When when(Draft d, LocalDate asOf, boolean planned) {
        if (planned) {
            if (chance(40)) return When.UNKNOWN;
            int y = asOf.getYear() + 1;
            if (chance(50)) return new When(Integer.toString(y), Integer.toString(y), null, null, " in " + y);
            return new When(Integer.toString(asOf.getYear()), "later this year", "\"later this year\": the year of the document's as-of date",
                    null, " later this year");
        }
        if (d.fixedDay != null && !d.fixedDay.isAfter(asOf)) return point(d.fixedDay);
        int r = rnd.nextInt(100);
        if (r < 18) return When.UNKNOWN;
        if (r < 22) {
            LocalDate m = asOf.minusMonths(1);
            return new When(String.format("%d-%02d", m.getYear(), m.getMonthValue()), "last month",
                    "\"last month\" counts back from the document's as-of date, " + asOf, null, " last month");
        }
        boolean emirate = d.f.refs.contains(iea);
        if (d.stance && !d.oneDate && r < 36) {
            LocalDate a = pastDay(asOf, emirate), b = pastDay(asOf, emirate);
            if (b.isBefore(a)) { LocalDate t = a; a = b; b = t; }
            if (a.getYear() == b.getYear() || chance(30)) {
                return new When(a.getYear() + "/..", "since " + a.getYear(), null, null, " since " + a.getYear());
            }
            if (chance(60)) return new When(a.getYear() + "/" + b.getYear(), "from " + a.getYear() + " to " + b.getYear(), null, null,
                    " from " + a.getYear() + " to " + b.getYear());
            String ta = MONTHS[a.getMonthValue()] + " " + a.getYear(), tb = MONTHS[b.getMonthValue()] + " " + b.getYear();
            return new When(String.format("%d-%02d/%d-%02d", a.getYear(), a.getMonthValue(), b.getYear(), b.getMonthValue()),
                    "from " + ta + " to " + tb, null, null, " from " + ta + " to " + tb);
        }
        return point(pastDay(asOf, emirate));
    }

    private When point(LocalDate day) {
        int r = rnd.nextInt(100);
        String month = MONTHS[day.getMonthValue()];
        if (r < 45) {
            String t = chance(75) ? day.getDayOfMonth() + " " + month + " " + day.getYear() : month + " " + day.getDayOfMonth() + ", " + day.getYear();
            return new When(day.toString(), t, null, "On " + t, " on " + t);
        }
        if (r < 80) {
            String t = month + " " + day.getYear();
            return new When(String.format("%d-%02d", day.getYear(), day.getMonthValue()), t, null, "In " + t, " in " + t);
        }
        String t = Integer.toString(day.getYear());
        return new When(t, t, null, "In " + t, " in " + t);
    }

    /**
     * A day before the as-of date, mostly since August 2021; when the Islamic Emirate takes part, in one of
     * its two periods in power (September 1996 to November 2001, and since August 2021).
     */
    private LocalDate pastDay(LocalDate asOf, boolean emirate) {
        if (emirate) return chance(85) ? day(RECENT, asOf) : day(LocalDate.of(1996, 9, 27), LocalDate.of(2001, 11, 13));
        return chance(70) && asOf.isAfter(RECENT) ? day(RECENT, asOf) : day(EARLIEST, asOf);
    }

    private String pickCertainty(Draft d) {
        int r = rnd.nextInt(100);
        // Mostly stated, as in the real corpus; otherwise one of the class's other levels.
        if (r < 70 || d.certainties.size() == 1) return "stated";
        return d.certainties.get(1 + rnd.nextInt(d.certainties.size() - 1));
    }

    /** The sentence that states a fact, framed by its certainty. */
    private String sentence(Draft d, Fact f) {
        When w = f.when;
        String s;
        switch (f.certainty) {
            case "stated" -> {
                if (w.atStart() != null && chance(50)) s = w.atStart() + ", " + d.subject + " " + d.past + ".";
                else s = d.subject + " " + d.past + w.atEnd() + ".";
            }
            case "reported" -> {
                Entity outlet = pick(outlets);
                f.role("tir:claimant", outlet);
                s = chance(50) ? "According to " + text(outlet) + ", " + d.subject + " " + d.past + w.atEnd() + "."
                        : text(outlet) + " reported that " + d.subject + " " + d.past + w.atEnd() + ".";
            }
            case "alleged" -> {
                Entity accuser = chance(80) ? otherState(d.agent) : iea;
                f.role("tir:claimant", accuser);
                s = chance(50) ? text(accuser) + " alleged that " + d.subject + " " + d.past + w.atEnd() + "."
                        : text(accuser) + " accused " + d.subject + " of having " + participle(d.past) + w.atEnd() + ".";
            }
            case "unconfirmed" -> s = chance(50) ? "Unconfirmed reports suggested that " + d.subject + " " + d.past + w.atEnd() + "."
                    : "There were rumours that " + d.subject + " had " + participle(d.past) + w.atEnd() + ".";
            case "planned" -> s = chance(50) ? d.subject + " is expected to " + d.base + w.atEnd() + "."
                    : d.subject + " plans to " + d.base + w.atEnd() + ".";
            default -> throw new AssertionError(f.certainty);
        }
        return cap(s);
    }

    /** The past participle phrase of a past phrase built by {@link #draft}. */
    private static String participle(String past) {
        int sp = past.indexOf(' ');
        String verb = sp < 0 ? past : past.substring(0, sp), rest = sp < 0 ? "" : past.substring(sp);
        String pp = switch (verb) {
            case "fought" -> "fought"; case "kept" -> "kept"; case "held" -> "held"; case "met" -> "met";
            case "spoke" -> "spoken"; case "froze" -> "frozen"; case "withheld" -> "withheld"; case "dealt" -> "dealt";
            default -> verb;
        };
        return pp + rest;
    }

    // ------------------------------------------------------------------------------------ documents

    /** The sentences of one document, so that every quoted sentence occurs in it exactly once. */
    static final class Sentences {
        final Set<String> all = new HashSet<>(), suffixes = new HashSet<>(), quoted = new HashSet<>();

        /** Proper suffixes that start with a capital letter: a quote starts with one, and holds its only period at its end. */
        static List<String> properSuffixes(String s) {
            List<String> out = new ArrayList<>();
            for (int i = 1; i < s.length(); i++) if (Character.isUpperCase(s.charAt(i))) out.add(s.substring(i));
            return out;
        }

        boolean canQuote(String s) {
            if (all.contains(s) || suffixes.contains(s)) return false;
            for (String x : properSuffixes(s)) if (quoted.contains(x)) return false;
            return true;
        }

        boolean canAdd(String s) {
            if (quoted.contains(s)) return false;
            for (String x : properSuffixes(s)) if (quoted.contains(x)) return false;
            return true;
        }

        void add(String s, boolean quote) {
            if (!(quote ? canQuote(s) : canAdd(s))) throw new IllegalStateException("sentence would not be unique: " + s);
            all.add(s);
            suffixes.addAll(properSuffixes(s));
            if (quote) quoted.add(s);
        }
    }

    private Summary run() throws IOException {
        Path data = root.resolve("data");
        Files.createDirectories(data.resolve("sources"));
        Files.writeString(data.resolve("dataset.ttl"), """
                # The dataset's description (data/README.md), for a synthetic corpus: not real data.
                @prefix dcterms: <http://purl.org/dc/terms/> .
                <https://w3id.org/taliban-relations/dataset>
                    dcterms:title "Synthetic corpus"@en ;
                    dcterms:description "Generated by SyntheticCorpus for tests and benchmarks: not real documents."@en ;
                    dcterms:license <https://creativecommons.org/licenses/by/4.0/> .
                """);
        StringBuilder catalog = new StringBuilder(PREFIXES_SOURCES).append("# Synthetic source documents for the scale benchmark (bench/scale.sh), written by\n")
                .append("# src/test/java/org/w3id/talibanrelations/SyntheticCorpus.java, version ").append(VERSION)
                .append(", seed ").append(seed).append(", ").append(factCount).append(" facts. Not real documents.\n\n");
        int quotes = 0;
        long chars = 0;
        int made = 0;
        int talliesLeft = Math.min(5, docCount);
        for (int di = 0; di < docCount; di++) {
            int n = factCount / docCount + (di < factCount % docCount ? 1 : 0);
            LocalDate asOf = day(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 9, 30));
            String docSlug = String.format("synthetic-report-%04d", di + 1);
            String prefix = String.format("%04d", di + 1);
            Doc doc = new Doc(docSlug, prefix, asOf);
            List<Fact> facts = new ArrayList<>();
            while (facts.size() < n) {
                if (talliesLeft > 0 && facts.isEmpty() && di % Math.max(1, docCount / 5) == 0) {
                    facts.add(tally(doc));
                    talliesLeft--;
                    continue;
                }
                Fact f = fact(doc);
                facts.add(f);
                // An allegation is denied, in the same document, one time in three.
                if (f.certainty.equals("alleged") && facts.size() < n && chance(33)) {
                    Fact denial = denial(doc, f);
                    if (denial != null) facts.add(denial);
                }
            }
            for (Fact f : facts) quotes += f.quotes.size() + (f.formula == null ? 0 : 1);
            chars += writeDocument(doc, facts, catalog);
            made += facts.size();
        }
        if (made != factCount) throw new AssertionError(made + " facts instead of " + factCount);
        write(data.resolve("sources/sources.ttl"), catalog.toString());
        int actors = writeActors(data.resolve("actors"));
        return new Summary(made, docCount, actors, quotes, chars);
    }

    /** A document being written: its sentences, in paragraphs, and where each fact's sentences are. */
    final class Doc {
        final String slug, prefix;
        final LocalDate asOf;
        final Sentences sentences = new Sentences();
        final Map<Fact, Draft> drafts = new HashMap<>();
        Doc(String slug, String prefix, LocalDate asOf) { this.slug = slug; this.prefix = prefix; this.asOf = asOf; }
    }

    private Fact fact(Doc doc) {
        for (int attempt = 0; attempt < 200; attempt++) {
            Draft d = draft(pickClass(), doc.asOf);
            Fact f = d.f;
            f.certainty = pickCertainty(d);
            if (d.fixedDay != null && d.fixedDay.isAfter(doc.asOf)) f.certainty = "planned";
            f.when = when(d, doc.asOf, f.certainty.equals("planned"));
            if (d.fixedDay != null && d.fixedDay.isAfter(doc.asOf)) f.when = When.UNKNOWN;
            String s = sentence(d, f);
            if (!doc.sentences.canQuote(s)) continue;
            doc.sentences.add(s, true);
            f.quotes.add(s);
            f.slug = slug(doc, d, f);
            doc.drafts.put(f, d);
            return f;
        }
        throw new IllegalStateException("could not make a unique sentence in 200 attempts");
    }

    private Fact denial(Doc doc, Fact alleged) {
        Draft ad = doc.drafts.get(alleged);
        String pp = participle(ad.past);
        String[] forms = { ad.subject + " rejected the allegation that it " + ad.past + ".", ad.subject + " denied that it had " + pp + ".",
                ad.subject + " firmly denied that it had " + pp + ".", ad.subject + " dismissed as baseless the claim that it had " + pp + "." };
        for (String form : forms) {
            String s = cap(form);
            if (!doc.sentences.canQuote(s)) continue;
            Fact f = new Fact();
            f.cls = alleged.cls;
            for (String[] p : alleged.props) if (!p[0].equals("tir:claimant")) f.props.add(p);
            f.refs.addAll(alleged.refs);
            f.role("tir:claimant", ad.agent);
            f.certainty = "denied";
            f.denies = alleged;
            doc.sentences.add(s, true);
            f.quotes.add(s);
            f.slug = uniqueSlug(alleged.slug.replaceFirst("^(\\d+)-", "$1-denial-of-"));
            return f;
        }
        return null; // every way of saying it is taken: no denial
    }

    /** "As of March 2024, 2 countries had formally recognized …": a tally with its own as-of date. */
    private Fact tally(Doc doc) {
        Fact f = new Fact();
        f.cls = "RecognitionTally";
        f.role("tir:counterpart", iea);
        LocalDate m = doc.asOf.minusMonths(rnd.nextInt(12)).withDayOfMonth(1);
        long count = recognizers.stream().filter(s -> s.recognizes.isBefore(m)).count();
        f.props.add(new String[] { "tir:count", Long.toString(count) });
        String asOfText = "As of " + MONTHS[m.getMonthValue()] + " " + m.getYear();
        f.asOf = String.format("%d-%02d", m.getYear(), m.getMonthValue());
        f.asOfText = asOfText;
        f.certainty = "stated";
        String s = count == 0 ? asOfText + ", no country had formally recognized the Islamic Emirate of Afghanistan."
                : asOfText + ", " + count + (count == 1 ? " country had" : " countries had") + " formally recognized the Islamic Emirate of Afghanistan.";
        doc.sentences.add(s, true);
        f.quotes.add(s);
        f.slug = uniqueSlug(doc.prefix + "-recognition-tally-iea-" + f.asOf);
        return f;
    }

    private String slug(Doc doc, Draft d, Fact f) {
        StringBuilder sb = new StringBuilder(doc.prefix).append('-').append(d.agent.slug).append('-').append(d.slugVerb);
        if (d.slugObject != null) sb.append('-').append(d.slugObject);
        if (f.when.known()) sb.append('-').append(f.when.cur().replace("/..", "-onward").replace('/', '-'));
        if (!f.certainty.equals("stated")) sb.append('-').append(f.certainty);
        return uniqueSlug(sb.toString());
    }

    private String uniqueSlug(String base) {
        String s = base;
        for (int i = 2; !factSlugs.add(s); i++) s = base + "-" + i;
        return s;
    }

    /** Writes a document's text, its catalogue record and its fact files; returns its length. */
    private long writeDocument(Doc doc, List<Fact> facts, StringBuilder catalog) throws IOException {
        StringBuilder text = new StringBuilder();
        String region = cap(syl(2));
        String title = region + " and the Taliban: diplomatic developments to " + doc.asOf.getYear();
        text.append(title).append("\n\n");
        boolean statesAsOf = chance(50);
        String asOfLine = "Last updated " + doc.asOf.getDayOfMonth() + " " + MONTHS[doc.asOf.getMonthValue()] + " " + doc.asOf.getYear();
        if (statesAsOf) text.append(asOfLine).append("\n\n");
        Map<String, List<Integer>> formulaAt = new HashMap<>();
        int perSection = 20 + rnd.nextInt(40);
        int i = 0;
        while (i < facts.size()) {
            text.append("== ").append(pick(HEADINGS)).append(" ==\n\n");
            int sectionEnd = Math.min(facts.size(), i + perSection);
            while (i < sectionEnd) {
                // A paragraph: a few facts' sentences, now and then a sentence no fact quotes.
                int para = Math.min(sectionEnd - i, 2 + rnd.nextInt(4));
                StringBuilder line = new StringBuilder();
                for (int k = 0; k < para; k++, i++) {
                    Fact f = facts.get(i);
                    if (chance(25)) {
                        String filler = pick(FILLERS);
                        if (doc.sentences.canAdd(filler)) { doc.sentences.add(filler, false); sep(line).append(filler); }
                    }
                    for (String q : f.quotes) sep(line).append(q);
                    if (f.formula != null && doc.sentences.canAdd(f.formula)) {
                        doc.sentences.add(f.formula, false);
                        sep(line);
                        f.formulaAt = text.length() + line.length();
                        line.append(f.formula);
                    } else {
                        f.formula = null;
                    }
                }
                text.append(line).append("\n\n");
            }
        }
        String content = text.toString();
        // Which occurrence of its recurring sentence each fact cites, counted as the build counts them.
        for (Fact f : facts) {
            if (f.formula == null) continue;
            List<Integer> at = formulaAt.computeIfAbsent(f.formula, q -> {
                List<Integer> list = new ArrayList<>();
                for (int x = content.indexOf(q); x >= 0; x = content.indexOf(q, x + 1)) list.add(x);
                return list;
            });
            int k = java.util.Collections.binarySearch(at, f.formulaAt);
            if (k < 0) throw new AssertionError("formula not found where placed");
            f.occurrence = k + 1;
        }
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String sha = SourceCatalog.sha256(bytes);
        String fileName = doc.prefix + "_" + sha.substring(0, 16) + ".txt";
        Files.write(root.resolve("data/sources").resolve(fileName), bytes);

        catalog.append("source:").append(doc.slug).append(" a tir:SourceDocument ;\n")
               .append("    dcterms:identifier ").append(lit(fileName)).append(" ;\n")
               .append("    tir:sha256 ").append(lit(sha)).append(" ;\n")
               .append("    dcterms:title ").append(lit(title)).append("@en ;\n")
               .append("    dcterms:language \"en\" ;\n")
               .append("    rdfs:comment \"Synthetic text for the scale benchmark, not a real document.\"@en ;\n")
               .append("    cur:asOf ").append(lit(doc.asOf.toString()));
        if (statesAsOf) catalog.append(" ;\n    tir:asOfText ").append(lit(asOfLine));
        else catalog.append(" ;\n    cur:asOfInferred \"No date in the text; the generator's as-of date.\"");
        catalog.append(" .\n\n");

        Path dir = root.resolve("data/facts").resolve(doc.slug);
        Files.createDirectories(dir);
        int perFile = 400;
        for (int from = 0, part = 1; from < facts.size(); from += perFile, part++) {
            StringBuilder ttl = new StringBuilder(PREFIXES_FACTS);
            ttl.append("# ").append(title).append(", part ").append(part).append("\n\n");
            for (Fact f : facts.subList(from, Math.min(facts.size(), from + perFile))) record(ttl, f, doc);
            write(dir.resolve(String.format("part-%03d.ttl", part)), ttl.toString());
        }
        return content.length();
    }

    private static StringBuilder sep(StringBuilder line) { return line.length() == 0 ? line : line.append(' '); }

    private void record(StringBuilder ttl, Fact f, Doc doc) {
        for (Entity e : f.refs) used(e);
        ttl.append("fact:").append(f.slug).append(" a tir:").append(f.cls).append(" ;\n");
        for (String[] p : f.props) ttl.append("    ").append(p[0]).append(' ').append(p[1]).append(" ;\n");
        ttl.append("    cur:date ").append(lit(f.when.cur())).append(" ;\n");
        if (f.when.text() != null) ttl.append("    tir:dateText ").append(lit(f.when.text())).append(" ;\n");
        if (f.when.inferred() != null) ttl.append("    cur:dateInferred ").append(lit(f.when.inferred())).append(" ;\n");
        if (f.asOf != null) ttl.append("    cur:asOf ").append(lit(f.asOf)).append(" ;\n    tir:asOfText ").append(lit(f.asOfText)).append(" ;\n");
        ttl.append("    tir:certainty tir:").append(f.certainty).append(" ;\n");
        if (f.denies != null) ttl.append("    tir:denies fact:").append(f.denies.slug).append(" ;\n");
        ttl.append("    prov:wasDerivedFrom source:").append(doc.slug);
        for (String q : f.quotes) ttl.append(" ;\n    cur:quote ").append(lit(q));
        if (f.formula != null)
            ttl.append(" ;\n    cur:evidence [ cur:quote ").append(lit(f.formula)).append(" ; cur:occurrence ").append(f.occurrence).append(" ]");
        ttl.append(" .\n\n");
    }

    private void used(Entity e) {
        if (e.used) return;
        e.used = true;
        if (e.subOrganizationOf != null) used(e.subOrganizationOf);
        if (e.country != null) used(e.country);
    }

    private int writeActors(Path dir) throws IOException {
        Files.createDirectories(dir);
        int n = 0;
        List<Entity> fixed = List.of(taliban, iea, un, unga);
        StringBuilder gov = new StringBuilder(PREFIXES_ACTORS).append("# The actors the rules name, and the United Nations.\n\n");
        for (Entity e : fixed) if (e.used) { entity(gov, e); n++; }
        write(dir.resolve("governments.ttl"), gov.toString());
        StringBuilder st = new StringBuilder(PREFIXES_ACTORS).append("# Fictional states, each with an ISO-like alpha-3 code.\n\n");
        if (afghanistan.used) { entity(st, afghanistan); n++; }
        for (Entity e : states) if (e.used) { entity(st, e); n++; }
        write(dir.resolve("states.ttl"), st.toString());
        StringBuilder pe = new StringBuilder(PREFIXES_ACTORS).append("# Fictional people.\n\n");
        for (Entity e : people) if (e.used) { entity(pe, e); n++; }
        write(dir.resolve("people.ttl"), pe.toString());
        StringBuilder org = new StringBuilder(PREFIXES_ACTORS).append("# Fictional organisations, armed groups and news outlets.\n\n");
        for (List<Entity> l : List.of(ios, armedGroups, outlets)) for (Entity e : l) if (e.used) { entity(org, e); n++; }
        write(dir.resolve("organisations.ttl"), org.toString());
        StringBuilder pl = new StringBuilder(PREFIXES_ACTORS).append("# Fictional places.\n\n");
        List<Entity> places = new ArrayList<>(List.of(kabul));
        for (Entity s : states) { places.add(s.capital); places.add(s.city); }
        places.addAll(extraCities);
        for (Entity e : places) if (e.used) { entity(pl, e); n++; }
        write(dir.resolve("places.ttl"), pl.toString());
        StringBuilder ro = new StringBuilder(PREFIXES_ACTORS).append("# Posts.\n\n");
        for (Entity e : roles.values()) if (e.used) { entity(ro, e); n++; }
        write(dir.resolve("roles.ttl"), ro.toString());
        return n;
    }

    private static void entity(StringBuilder sb, Entity e) {
        sb.append(e.ref()).append(" a ").append(e.type).append(" ;\n    rdfs:label ").append(lit(e.label)).append("@en");
        for (String alt : e.altLabels) sb.append(" ;\n    skos:altLabel ").append(lit(alt)).append("@en");
        if (e.iso != null) sb.append(" ;\n    tir:isoAlpha3 ").append(lit(e.iso));
        if (e.subOrganizationOf != null) sb.append(" ;\n    org:subOrganizationOf ").append(e.subOrganizationOf.ref());
        if (e.country != null) sb.append(" ;\n    tir:inCountry ").append(e.country.ref());
        if (e.type.equals("tir:Role") && "single".equals(e.comment)) sb.append(" ;\n    tir:singleHolder true");
        sb.append(" .\n");
    }

    private static String lit(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static void write(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }

    private static final String PREFIXES_SOURCES = """
            @prefix tir:     <https://w3id.org/taliban-relations/ontology#> .
            @prefix cur:     <https://w3id.org/taliban-relations/curation#> .
            @prefix source:  <https://w3id.org/taliban-relations/id/source/> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .

            """;
    private static final String PREFIXES_ACTORS = """
            @prefix tir:   <https://w3id.org/taliban-relations/ontology#> .
            @prefix actor: <https://w3id.org/taliban-relations/id/actor/> .
            @prefix place: <https://w3id.org/taliban-relations/id/place/> .
            @prefix role:  <https://w3id.org/taliban-relations/id/role/> .
            @prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
            @prefix org:   <http://www.w3.org/ns/org#> .

            """;
    private static final String PREFIXES_FACTS = """
            @prefix tir:    <https://w3id.org/taliban-relations/ontology#> .
            @prefix cur:    <https://w3id.org/taliban-relations/curation#> .
            @prefix fact:   <https://w3id.org/taliban-relations/id/fact/> .
            @prefix actor:  <https://w3id.org/taliban-relations/id/actor/> .
            @prefix place:  <https://w3id.org/taliban-relations/id/place/> .
            @prefix role:   <https://w3id.org/taliban-relations/id/role/> .
            @prefix source: <https://w3id.org/taliban-relations/id/source/> .
            @prefix prov:   <http://www.w3.org/ns/prov#> .
            @prefix org:    <http://www.w3.org/ns/org#> .

            """;

}
