package org.w3id.talibanrelations.serve;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Seeded mutations of the competency questions, as a form body ready to POST: deleted tokens,
 * swapped braces, random bytes (invalid UTF-8 and control characters included), huge literals,
 * deep nesting, duplicated and truncated text, and hostile SERVICE clauses.
 */
public final class QueryFuzzer {
    private final List<String> seeds;
    private final Random random;

    public QueryFuzzer(long seed) throws IOException {
        this.random = new Random(seed);
        List<String> s = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("queries"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) s.add(Files.readString(p));
        }
        this.seeds = s;
    }

    /** The next request body (application/x-www-form-urlencoded), possibly with invalid escapes. */
    public byte[] next() {
        String q = seeds.get(random.nextInt(seeds.size()));
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) q = mutate(q);
        if (random.nextInt(20) == 0) {
            // Raw bytes appended after the encoding: invalid percent-escapes or invalid UTF-8.
            byte[] junk = new byte[1 + random.nextInt(8)];
            random.nextBytes(junk);
            StringBuilder sb = new StringBuilder("query=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
            for (byte b : junk) sb.append(random.nextBoolean() ? String.format("%%%02X", b & 0xff) : "%" + (char) ('G' + random.nextInt(10)));
            return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
        return ("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
    }

    private String mutate(String q) {
        if (q.isEmpty()) return "{";
        int at = random.nextInt(q.length());
        return switch (random.nextInt(10)) {
            case 0 -> { // delete a token
                String[] tokens = q.split("(?<=\\s)|(?=\\s)");
                int k = random.nextInt(tokens.length);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < tokens.length; i++) if (i != k) sb.append(tokens[i]);
                yield sb.toString();
            }
            case 1 -> swapBrackets(q);
            case 2 -> { // random characters, control and non-BMP included
                StringBuilder sb = new StringBuilder(q);
                for (int i = 0, n = 1 + random.nextInt(6); i < n; i++)
                    sb.insert(random.nextInt(sb.length() + 1), Character.toChars(random.nextInt(3) == 0 ? random.nextInt(32) : random.nextInt(0x1F600)));
                yield sb.toString();
            }
            case 3 -> q.substring(0, at) + "\"" + "x".repeat(random.nextInt(3) == 0 ? 200_000 : random.nextInt(5000)) + "\" " + q.substring(at);
            case 4 -> q.substring(0, at) + "{".repeat(1 + random.nextInt(200)) + q.substring(at);
            case 5 -> q.substring(0, at);
            case 6 -> q.substring(0, at) + q.substring(random.nextInt(q.length()));
            case 7 -> q.replaceFirst("WHERE \\{", "WHERE { SERVICE <http://127.0.0.1:" + (1 + random.nextInt(65535)) + "/> { ?x ?y ?z } ");
            case 8 -> q.replaceFirst("SELECT", random.nextBoolean() ? "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } #" : "DESCRIBE ?s #");
            default -> q.replace("?", random.nextBoolean() ? "$" : "?_" + random.nextInt(3));
        };
    }

    private String swapBrackets(String q) {
        char[] c = q.toCharArray();
        for (int tries = 0; tries < 20; tries++) {
            int i = random.nextInt(c.length);
            switch (c[i]) {
                case '{' -> { c[i] = '}'; return new String(c); }
                case '}' -> { c[i] = '{'; return new String(c); }
                case '(' -> { c[i] = ')'; return new String(c); }
                case ')' -> { c[i] = '('; return new String(c); }
                default -> { }
            }
        }
        return q + "}";
    }
}
