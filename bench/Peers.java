import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultSetCompare;

/**
 * The Java half of bench/peers.sh (run as a single-file program with the project's jar on the class
 * path, so that Jena parses and compares results). Every network call goes to 127.0.0.1 and has a
 * time limit; every loop is bounded. Requests go through the JDK's HttpClient, except the trivial-query
 * latencies, which need their own sockets (see {@link #latencies}).
 *
 * <pre>
 * bodies    QUERIES_DIR OUT_DIR                     form bodies (query=...) for hey, one per question, and ask.form
 * wait      PORT PATH TIMEOUT_S                     until POST ASK {} answers 200 (exit 1 on timeout)
 * coldstart RAW LABEL RUNS PRIME TIMEOUT_S PORT PATH FORM LOG -- COMMAND...
 *                                                   process start to first 200 for FORM, RUNS times (after PRIME unmeasured runs)
 * check     RAW SERVER PORT PATH QUERIES_DIR WARM   warm-up, then each question's answer compared with its .srj
 * prime     PORT TEXT TIMEOUT_S LOG -- COMMAND...   runs a command until it prints TEXT, then stops it
 * trivial   RAW ROUND SERVER PORT PATH N            ASK {} latency: keep-alive, fresh connection, and a Nagle client
 * report    RAW_DIR MACHINE OUT_MD OUT_CSV          medians, ratios, the table
 * </pre>
 */
@SuppressWarnings("removal")
public class Peers {
    static final String HOST = "127.0.0.1";

    public static void main(String[] a) throws Exception {
        switch (a[0]) {
            case "bodies" -> bodies(Path.of(a[1]), Path.of(a[2]));
            case "wait" -> System.exit(waitReady(Integer.parseInt(a[1]), a[2], Integer.parseInt(a[3])) ? 0 : 1);
            case "coldstart" -> coldstart(a);
            case "prime" -> prime(a);
            case "check" -> check(Path.of(a[1]), a[2], Integer.parseInt(a[3]), a[4], Path.of(a[5]), Integer.parseInt(a[6]));
            case "trivial" -> trivial(Path.of(a[1]), a[2], a[3], Integer.parseInt(a[4]), a[5], Integer.parseInt(a[6]));
            case "report" -> Report.write(Path.of(a[1]), Path.of(a[2]), Path.of(a[3]), Path.of(a[4]));
            default -> throw new IllegalArgumentException("unknown command " + a[0]);
        }
    }

    // ---------------------------------------------------------------- queries

    static List<Path> questions(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("cq\\d+.*\\.rq")).sorted().toList();
        }
    }

    static String name(Path q) { return q.getFileName().toString().replaceFirst("\\.rq$", ""); }

    static byte[] form(String query) {
        return ("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
    }

    static final byte[] ASK = form("ASK {}");

    static void bodies(Path queries, Path out) throws IOException {
        Files.createDirectories(out);
        for (Path q : questions(queries)) Files.write(out.resolve(name(q) + ".form"), form(Files.readString(q)));
        Files.write(out.resolve("ask.form"), ASK);
    }

    // ---------------------------------------------------------------- HTTP

    record Response(int status, byte[] body) {}

    /** The client for readiness, cold starts and answers: the JDK's, HTTP/1.1, kept-alive connections. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One POST of a form, asking for SPARQL JSON results, bounded by the timeout. */
    static Response post(int port, String path, byte[] body, int timeoutMs) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + path))
                .timeout(Duration.ofMillis(timeoutMs))
                .header("Accept", "application/sparql-results+json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted: POST " + path);
        }
    }

    // ---------------------------------------------------------------- a minimal HTTP/1.1 client on raw sockets
    // Only for the trivial-query latencies: they measure the connection itself (one kept alive, a new one
    // each time, a client that writes headers and body in two segments with Nagle's algorithm on), which
    // needs control of the socket that HttpClient does not give; all three modes use this one client so
    // that they differ only in that.

    static byte[] request(int port, String path, byte[] body, boolean close) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + HOST + ":" + port
                + "\r\nAccept: application/sparql-results+json\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.length + (close ? "\r\nConnection: close" : "") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') return sb.toString();
            if (c != '\r') sb.append((char) c);
        }
        if (sb.length() == 0) throw new IOException("connection closed");
        return sb.toString();
    }

    /** Reads one response: Content-Length, chunked, or (with Connection: close) to the end. */
    static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("bad status line: " + statusLine);
        int status = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        for (String h; !(h = line(in)).isEmpty(); ) {
            String k = h.toLowerCase(Locale.ROOT);
            if (k.startsWith("content-length:")) length = Long.parseLong(h.substring(15).trim());
            else if (k.startsWith("transfer-encoding:") && k.contains("chunked")) chunked = true;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int guard = 0; guard < 1_000_000; guard++) {
                long size = Long.parseLong(line(in).trim().split(";")[0], 16);
                if (size == 0) {
                    while (!line(in).isEmpty()) { }
                    break;
                }
                body.write(in.readNBytes((int) size));
                line(in);
            }
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(status, body.toByteArray());
    }

    // ---------------------------------------------------------------- readiness and cold start

    static boolean waitReady(int port, String path, int timeoutS) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
        while (System.nanoTime() < end) {
            try {
                if (post(port, path, ASK, 5000).status() == 200) return true;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(50);
        }
        return false;
    }

    static void coldstart(String[] a) throws Exception {
        Path raw = Path.of(a[1]);
        String label = a[2];
        int runs = Integer.parseInt(a[3]), prime = Integer.parseInt(a[4]), timeoutS = Integer.parseInt(a[5]);
        int port = Integer.parseInt(a[6]);
        String path = a[7];
        byte[] body = Files.readAllBytes(Path.of(a[8]));
        Path log = Path.of(a[9]);
        if (!a[10].equals("--")) throw new IllegalArgumentException("expected -- before the command");
        List<String> command = List.of(a).subList(11, a.length);
        for (int run = 1 - prime; run <= runs; run++) {
            waitPortFree(port, 30);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            long t0 = System.nanoTime();
            Process p = pb.start();
            // If this helper is interrupted (Ctrl-C, SIGTERM), the server it started goes with it.
            Thread reaper = new Thread(() -> { p.destroy(); try { if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly(); } catch (InterruptedException e) { p.destroyForcibly(); } });
            Runtime.getRuntime().addShutdownHook(reaper);
            long ms = -1;
            try {
                long end = t0 + TimeUnit.SECONDS.toNanos(timeoutS);
                while (System.nanoTime() < end && p.isAlive()) {
                    try {
                        Response r = post(port, path, body, 60_000);
                        if (r.status() == 200) { ms = (System.nanoTime() - t0) / 1_000_000; break; }
                    } catch (IOException e) {
                        // not listening yet
                    }
                    Thread.sleep(10);
                }
            } finally {
                stop(p);
                Runtime.getRuntime().removeShutdownHook(reaper);
            }
            if (ms < 0) throw new IllegalStateException(label + ": no answer within " + timeoutS + " s (see " + log + ")");
            if (run >= 1) {
                append(raw, label + "\t" + run + "\t" + ms);
                System.out.printf("  cold start %-45s run %d: %d ms%n", label, run, ms);
            } else {
                System.out.printf("  cold start %-45s priming run: %d ms (not counted)%n", label, ms);
            }
        }
    }

    /** Starts a command, waits until its output has a line containing a text, then stops it. */
    static void prime(String[] a) throws Exception {
        int port = Integer.parseInt(a[1]);
        String text = a[2];
        int timeoutS = Integer.parseInt(a[3]);
        Path log = Path.of(a[4]);
        if (!a[5].equals("--")) throw new IllegalArgumentException("expected -- before the command");
        waitPortFree(port, 30);
        Files.deleteIfExists(log);
        Process p = new ProcessBuilder(List.of(a).subList(6, a.length)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Thread reaper = new Thread(() -> p.destroyForcibly());
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
            while (System.nanoTime() < end && p.isAlive()) {
                if (Files.readString(log).contains(text)) {
                    System.out.println("  primed: \"" + text + "\" (" + log + ")");
                    return;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("no \"" + text + "\" within " + timeoutS + " s (see " + log + ")");
        } finally {
            stop(p);
            Runtime.getRuntime().removeShutdownHook(reaper);
        }
    }

    static void stop(Process p) throws InterruptedException {
        p.destroy();  // SIGTERM
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Until nothing accepts a TCP connection on the port (a socket probe: no HTTP needed to see that). */
    static void waitPortFree(int port, int timeoutS) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 500);
            } catch (IOException e) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("port " + port + " still in use");
    }

    static synchronized void append(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    // ---------------------------------------------------------------- answers

    static void check(Path raw, String server, int port, String path, Path queries, int warm) throws Exception {
        int same = 0, total = 0;
        for (Path q : questions(queries)) {
            String text = Files.readString(q);
            byte[] body = form(text);
            Response r = null;
            String error = "";
            for (int i = 0; i < Math.max(1, warm); i++) {
                try {
                    r = post(port, path, body, 120_000);
                } catch (IOException e) {
                    error = e.toString();
                    r = null;
                }
            }
            String verdict;
            long rows = -1, expectedRows = -1;
            Path srj = q.resolveSibling(name(q) + ".srj");
            ResultSetRewindable expected = null;
            if (Files.exists(srj)) {
                try (InputStream in = Files.newInputStream(srj)) {
                    expected = ResultSetFactory.copyResults(ResultSetMgr.read(in, ResultSetLang.RS_JSON));
                }
                expectedRows = expected.size();
            }
            if (r == null) verdict = "error: " + error;
            else if (r.status() != 200) verdict = "status " + r.status();
            else {
                try {
                    ResultSetRewindable actual = ResultSetFactory.copyResults(
                            ResultSetMgr.read(new ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON));
                    rows = actual.size();
                    if (expected == null) verdict = "no .srj";
                    else {
                        Query query = QueryFactory.create(text, "https://w3id.org/taliban-relations/");
                        boolean ordered = query.hasOrderBy();
                        expected.reset(); actual.reset();
                        boolean byTerm = ordered ? ResultSetCompare.equalsByTermAndOrder(expected, actual) : ResultSetCompare.equalsByTerm(expected, actual);
                        expected.reset(); actual.reset();
                        boolean byValue = byTerm || (ordered ? ResultSetCompare.equalsByValueAndOrder(expected, actual) : ResultSetCompare.equalsByValue(expected, actual));
                        expected.reset(); actual.reset();
                        boolean unordered = byValue || ResultSetCompare.equalsByValue(expected, actual);
                        expected.reset(); actual.reset();
                        boolean concat = !unordered && sameUpToConcatOrder(text, expected, actual);
                        verdict = byTerm ? "same" : byValue ? "same values" : unordered ? "same rows, other order"
                                : concat ? "same, GROUP_CONCAT in another order" : "differs";
                        if (byValue || concat) same++;
                    }
                } catch (RuntimeException e) {
                    verdict = "unparsable: " + e.getMessage();
                }
            }
            total++;
            append(raw, String.join("\t", server, name(q), Long.toString(rows), Long.toString(expectedRows), verdict.replace('\t', ' ').replace('\n', ' ')));
        }
        System.out.printf("  %s: %d of %d questions answered as expected%n", server, same, total);
    }

    /**
     * Equal once the parts of every GROUP_CONCAT are sorted: SPARQL leaves their order to the store,
     * so another engine (or another storage in Jena) may concatenate the same values differently.
     */
    static boolean sameUpToConcatOrder(String query, ResultSet expected, ResultSet actual) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)separator\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(query);
        List<String> separators = new ArrayList<>();
        while (m.find()) separators.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        if (separators.isEmpty()) return false;
        List<String> a = normalisedRows(expected, separators), b = normalisedRows(actual, separators);
        java.util.Collections.sort(a);
        java.util.Collections.sort(b);
        return a.equals(b);
    }

    static List<String> normalisedRows(ResultSet rs, List<String> separators) {
        List<String> rows = new ArrayList<>();
        while (rs.hasNext()) {
            var b = rs.next();
            List<String> cells = new ArrayList<>();
            for (String v : rs.getResultVars()) {
                var n = b.get(v);
                String cell = n == null ? "" : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
                for (String sep : separators) {
                    if (!sep.isEmpty() && cell.contains(sep)) {
                        List<String> parts = new ArrayList<>(List.of(cell.split(java.util.regex.Pattern.quote(sep), -1)));
                        java.util.Collections.sort(parts);
                        cell = String.join(sep, parts);
                    }
                }
                cells.add(v + "=" + cell);
            }
            rows.add(String.join("\t", cells));
        }
        return rows;
    }

    // ---------------------------------------------------------------- trivial query latency

    /**
     * ASK {} by POST, N times after 500 unmeasured ones, in three ways: on one kept-alive connection,
     * on a new connection each time, and on one kept-alive connection by a client that writes headers and
     * body separately with Nagle's algorithm on (what a naive client does; it meets the server's delayed ACK).
     */
    static void trivial(Path raw, String round, String server, int port, String path, int n) throws Exception {
        List<String> modes = new ArrayList<>(List.of("keep-alive", "new connection", "keep-alive, Nagle client"));
        if (round.matches("\\d*[02468]")) java.util.Collections.swap(modes, 0, 1);  // alternate which goes first
        for (String mode : modes) {
            // A Nagle client waits for a delayed ACK on every request (tens of ms): fewer requests for it.
            long[] t = latencies(port, path, mode.contains("Nagle") ? Math.max(50, n / 10) : n, mode);
            Arrays.sort(t);
            append(raw, String.join("\t", round, server, mode, ms(pct(t, 50)), ms(pct(t, 90)), ms(pct(t, 99))));
            System.out.printf("  %-9s %-26s p50 %7s ms  p90 %7s ms  p99 %7s ms%n", server, mode, ms(pct(t, 50)), ms(pct(t, 90)), ms(pct(t, 99)));
        }
    }

    static long[] latencies(int port, String path, int n, String mode) throws IOException {
        boolean keep = !mode.equals("new connection");
        boolean nagle = mode.contains("Nagle");
        int warm = nagle ? 20 : 500;
        byte[] req = request(port, path, ASK, !keep);
        int split = req.length - ASK.length;
        long[] t = new long[n];
        Socket s = null;
        InputStream in = null;
        OutputStream out = null;
        try {
            for (int i = 0; i < warm + n; i++) {
                long t0 = System.nanoTime();
                if (s == null || !keep) {
                    if (s != null) s.close();
                    s = new Socket();
                    s.setTcpNoDelay(!nagle);
                    s.setSoTimeout(60_000);
                    s.connect(new InetSocketAddress(HOST, port), 10_000);
                    in = new BufferedInputStream(s.getInputStream());
                    out = s.getOutputStream();
                }
                if (nagle) {
                    out.write(req, 0, split);
                    out.flush();
                    out.write(req, split, req.length - split);
                } else {
                    out.write(req);
                }
                out.flush();
                Response r = read(in);
                if (r.status() != 200) throw new IOException(mode + ": status " + r.status());
                if (i >= warm) t[i - warm] = System.nanoTime() - t0;
            }
        } finally {
            if (s != null) s.close();
        }
        return t;
    }

    static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    static String ms(long nanos) { return String.format(Locale.ROOT, "%.3f", nanos / 1e6); }

    // ---------------------------------------------------------------- report

    static final class Report {
        static double median(List<Double> v) {
            if (v.isEmpty()) return Double.NaN;
            double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        static List<String[]> rows(Path f) throws IOException {
            if (!Files.exists(f)) return List.of();
            return Files.readAllLines(f).stream().filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
        }

        static String f(double v, int digits) {
            if (Double.isNaN(v)) return "–";
            return String.format(Locale.ROOT, "%,." + digits + "f", v);
        }

        static String ratio(double a, double b) {
            if (Double.isNaN(a) || Double.isNaN(b) || b == 0) return "–";
            return String.format(Locale.ROOT, "%.2f", a / b);
        }

        static String csv(String s) {
            return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }

        static void write(Path rawDir, Path machine, Path md, Path csvFile) throws IOException {
            StringBuilder out = new StringBuilder();
            List<String> csv = new ArrayList<>();
            csv.add("section,item,server,clients,metric,value,runs");
            List<String> machineLines = Files.readAllLines(machine);
            for (String l : machineLines) {
                int eq = l.indexOf(": ");
                if (eq > 0) csv.add("machine," + csv(l.substring(0, eq)) + ",,,," + csv(l.substring(eq + 2)) + ",");
            }

            out.append("# Peer comparison: our server, stock Fuseki 5.6.0, Virtuoso 7.2\n\n");
            out.append("Generated by `bench/peers.sh` (do not edit by hand: rerun it). One run on one machine, described below\n"
                    + "with its load average at the start and the end: absolute figures belong to that machine, and the servers,\n"
                    + "the load generator and the JIT compilers share its cores. The comparisons are ratios computed within this\n"
                    + "run, from medians over repeated measurements with the servers interleaved.\n\n");
            out.append("## Machine and run\n\n```\n");
            machineLines.forEach(l -> out.append(l).append('\n'));
            out.append("```\n\n");

            // Cold start
            List<String[]> cold = rows(rawDir.resolve("coldstart.tsv"));
            Map<String, List<Double>> coldBy = new LinkedHashMap<>();
            for (String[] r : cold) coldBy.computeIfAbsent(r[0], k -> new ArrayList<>()).add(Double.parseDouble(r[2]));
            if (!coldBy.isEmpty()) {
                out.append("## Cold start: process start to first answered query\n\n");
                out.append("Time from starting the process to the first 200 answer to `cq01` (POST), median of the runs.\n"
                        + "Ours builds the graph from `data/` and validates it (SHACL and the QC rules) before it serves with\n"
                        + "`--no-build-cache`, as on a first start or after any input changed. Restarted on unchanged inputs, it reads\n"
                        + "back the validated build its previous start kept (`target/build-cache/`, RDF Thrift, checked against its hash);\n"
                        + "with `--store DIR` warm it opens the TDB2 store it built before. Stock Fuseki reads the prebuilt\n"
                        + "`kg.trig` (written by `build --out`).\n\n");
                out.append("| server | median ms | min | max | runs |\n|---|---:|---:|---:|---:|\n");
                for (var e : coldBy.entrySet()) {
                    List<Double> v = e.getValue();
                    double med = median(v);
                    out.append("| ").append(e.getKey()).append(" | ").append(f(med, 0)).append(" | ")
                            .append(f(v.stream().mapToDouble(d -> d).min().orElse(Double.NaN), 0)).append(" | ")
                            .append(f(v.stream().mapToDouble(d -> d).max().orElse(Double.NaN), 0)).append(" | ").append(v.size()).append(" |\n");
                    csv.add("coldstart," + csv(e.getKey()) + ",,,median_ms," + f(med, 0).replace(",", "") + "," + v.size());
                }
                out.append('\n');
                String oursCold = find(coldBy.keySet(), "ours: serve (");
                String oursWarm = find(coldBy.keySet(), "ours: serve --store");
                String oursKept = find(coldBy.keySet(), "ours: serve, restarted");
                String fusFile = find(coldBy.keySet(), "fuseki: --file");
                String fusTdb = find(coldBy.keySet(), "fuseki: TDB2");
                String fusMem = find(coldBy.keySet(), "fuseki: config");
                List<String> ratios = new ArrayList<>();
                ratioLine(ratios, csv, coldBy, oursCold, fusFile);
                ratioLine(ratios, csv, coldBy, oursCold, fusMem);
                ratioLine(ratios, csv, coldBy, oursKept, fusFile);
                ratioLine(ratios, csv, coldBy, oursKept, fusMem);
                ratioLine(ratios, csv, coldBy, oursWarm, fusFile);
                ratioLine(ratios, csv, coldBy, oursWarm, fusTdb);
                if (!ratios.isEmpty()) {
                    out.append("Ratios (time, ours ÷ stock; above 1 means ours starts slower):\n\n");
                    ratios.forEach(r -> out.append("- ").append(r).append('\n'));
                    out.append('\n');
                }
            }

            // Trivial query latency
            List<String[]> triv = rows(rawDir.resolve("trivial.tsv"));
            Map<String, Map<String, List<Double>>> trivBy = new LinkedHashMap<>();
            Map<String, Map<String, List<Double>>> trivP99 = new LinkedHashMap<>();
            LinkedHashSet<String> trivServers = new LinkedHashSet<>();
            for (String[] r : triv) {
                trivServers.add(r[1]);
                trivBy.computeIfAbsent(r[2], k -> new LinkedHashMap<>()).computeIfAbsent(r[1], k -> new ArrayList<>()).add(Double.parseDouble(r[3]));
                trivP99.computeIfAbsent(r[2], k -> new LinkedHashMap<>()).computeIfAbsent(r[1], k -> new ArrayList<>()).add(Double.parseDouble(r[5]));
            }
            if (!trivBy.isEmpty()) {
                out.append("## Trivial query: `ASK {}` latency\n\n");
                out.append("One client, POST, request written in one piece with TCP_NODELAY unless stated; 500 unmeasured requests\n"
                        + "first. Median over rounds of each round's p50 (and p99). \"Nagle client\": the client writes the headers and\n"
                        + "the body in two writes with Nagle's algorithm on, as some simple clients do.\n\n");
                out.append("| connection |");
                trivServers.forEach(s -> out.append(" ").append(s).append(" p50 ms | ").append(s).append(" p99 ms |"));
                out.append("\n|---|");
                trivServers.forEach(s -> out.append("---:|---:|"));
                out.append('\n');
                for (var e : trivBy.entrySet()) {
                    out.append("| ").append(e.getKey()).append(" |");
                    for (String s : trivServers) {
                        double p50 = median(e.getValue().getOrDefault(s, List.of()));
                        double p99 = median(trivP99.get(e.getKey()).getOrDefault(s, List.of()));
                        out.append(' ').append(f(p50, 2)).append(" | ").append(f(p99, 2)).append(" |");
                        csv.add("trivial," + csv(e.getKey()) + "," + s + ",1,p50_ms," + f(p50, 3) + "," + e.getValue().getOrDefault(s, List.of()).size());
                        csv.add("trivial," + csv(e.getKey()) + "," + s + ",1,p99_ms," + f(p99, 3) + "," + e.getValue().getOrDefault(s, List.of()).size());
                    }
                    out.append('\n');
                }
                out.append('\n');
            }

            // Forced full collections
            List<String[]> gc = rows(rawDir.resolve("gc.tsv"));
            if (!gc.isEmpty()) {
                out.append("## Full collections forced by `System.gc()`\n\n");
                out.append("From each Jena server's GC log (`-Xlog:gc`), over the whole run after its start. java.nio calls\n"
                        + "`System.gc()` when direct memory runs out; each is a stop-the-world full collection in the middle of a request.\n\n");
                out.append("| server | System.gc() full collections | all GC pauses |\n|---|---:|---:|\n");
                for (String[] r : gc) {
                    out.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n");
                    csv.add("gc," + r[0] + "," + r[0] + ",,system_gc_full_collections," + r[1] + ",");
                    csv.add("gc," + r[0] + "," + r[0] + ",,gc_pauses," + r[2] + ",");
                }
                out.append('\n');
            }

            // Answers
            List<String[]> answers = rows(rawDir.resolve("check.tsv"));
            Map<String, Map<String, String>> verdict = new TreeMap<>();
            for (String[] r : answers) verdict.computeIfAbsent(r[1], k -> new LinkedHashMap<>()).put(r[0], r[4] + " (" + r[2] + " rows)");

            // Throughput and latency per question
            List<String[]> load = rows(rawDir.resolve("load.tsv"));
            // rep server query clients rps p50 p99 ok other errors
            Map<String, Map<Integer, Map<String, List<double[]>>>> by = new TreeMap<>();
            LinkedHashSet<String> servers = new LinkedHashSet<>();
            TreeMap<Integer, Boolean> clientLevels = new TreeMap<>();
            Map<String, Long> failures = new TreeMap<>();
            for (String[] r : load) {
                servers.add(r[1]);
                int c = Integer.parseInt(r[3]);
                clientLevels.put(c, true);
                long bad = Long.parseLong(r[8]) + Long.parseLong(r[9]);
                if (bad > 0) failures.merge(r[1] + " " + r[2] + " c=" + c, bad, Long::sum);
                by.computeIfAbsent(r[2], k -> new TreeMap<>()).computeIfAbsent(c, k -> new LinkedHashMap<>())
                        .computeIfAbsent(r[1], k -> new ArrayList<>())
                        .add(new double[] {Double.parseDouble(r[4]), Double.parseDouble(r[5]), Double.parseDouble(r[6])});
            }
            // Our variants (ours: the engine, response cache off; ours-cached: as served by default) against the peers.
            List<String> peers = servers.stream().filter(s -> !s.startsWith("ours")).toList();
            List<String> ourVariants = servers.stream().filter(s -> s.startsWith("ours")).toList();
            if (!by.isEmpty()) {
                out.append("## Competency questions: throughput and latency\n\n");
                out.append("`hey` with keep-alive, POST form, `Accept: application/sparql-results+json`, no compression; each cell is the\n"
                        + "median over the repetitions (servers interleaved within each repetition). Ratio columns: our throughput ÷\n"
                        + "the peer's (above 1: ours serves more queries per second). p50/p99 in ms, in the order of the servers.\n\n");
                // Summary: geometric mean of throughput ratios per client level
                out.append("### Summary\n\nGeometric mean over the questions of our throughput ÷ the peer's, and how many questions ours serves faster:\n\n");
                out.append("| clients |");
                for (String v : ourVariants) peers.forEach(p -> out.append(' ').append(v).append(" ÷ ").append(p).append(" | faster |"));
                out.append("\n|---:|");
                for (String v : ourVariants) peers.forEach(p -> out.append("---:|---:|"));
                out.append('\n');
                for (int c : clientLevels.keySet()) {
                    out.append("| ").append(c).append(" |");
                    for (String v : ourVariants) for (String p : peers) {
                        double logSum = 0;
                        int n = 0, faster = 0;
                        for (var q : by.values()) {
                            Map<String, List<double[]>> cell = q.getOrDefault(c, Map.of());
                            double o = median(col(cell.get(v), 0)), x = median(col(cell.get(p), 0));
                            if (Double.isNaN(o) || Double.isNaN(x) || o <= 0 || x <= 0) continue;
                            logSum += Math.log(o / x);
                            n++;
                            if (o > x) faster++;
                        }
                        double gm = n == 0 ? Double.NaN : Math.exp(logSum / n);
                        out.append(' ').append(f(gm, 2)).append(" | ").append(faster).append(" of ").append(n).append(" |");
                        csv.add("summary,geomean_throughput_ratio," + v + "/" + p + "," + c + ",ratio," + f(gm, 3) + "," + n);
                    }
                    out.append('\n');
                }
                out.append('\n');

                // The latency target: p99 <= 10 ms at 8 clients, for every question.
                if (clientLevels.containsKey(8)) {
                    out.append("### p99 at 8 clients\n\nHow many questions (with `ASK {}`) have a p99 of at most 10 ms at 8 clients, per server:\n\n");
                    out.append("| server | p99 ≤ 10 ms | of | worst question | its p99 ms |\n|---|---:|---:|---|---:|\n");
                    for (String s : servers) {
                        int ok = 0, n = 0;
                        String worst = "";
                        double worstP99 = -1;
                        for (var q : by.entrySet()) {
                            double p99 = median(col(q.getValue().getOrDefault(8, Map.of()).get(s), 2));
                            if (Double.isNaN(p99)) continue;
                            n++;
                            if (p99 <= 10) ok++;
                            if (p99 > worstP99) { worstP99 = p99; worst = q.getKey(); }
                        }
                        out.append("| ").append(s).append(" | ").append(ok).append(" | ").append(n).append(" | ").append(worst)
                           .append(" | ").append(f(worstP99, 1)).append(" |\n");
                        csv.add("p99_at_8,questions_within_10ms," + s + ",8,count," + ok + "," + n);
                    }
                    out.append('\n');
                    for (String v : ourVariants) {
                        List<String> over = new ArrayList<>();
                        for (var q : by.entrySet()) {
                            double p99 = median(col(q.getValue().getOrDefault(8, Map.of()).get(v), 2));
                            double p50 = median(col(q.getValue().getOrDefault(8, Map.of()).get(v), 1));
                            if (p99 > 10) over.add(q.getKey() + " (p50 " + f(p50, 1) + ", p99 " + f(p99, 1) + ")");
                        }
                        if (!over.isEmpty()) out.append("Above 10 ms on ").append(v).append(": ").append(String.join("; ", over)).append(".\n\n");
                    }
                }

                out.append("### Per question\n\n| question | clients |");
                servers.forEach(s -> out.append(' ').append(s).append(" q/s |"));
                peers.forEach(p -> out.append(" ÷ ").append(p).append(" |"));
                out.append(" p50 ms | p99 ms |\n|---|---:|");
                servers.forEach(s -> out.append("---:|"));
                peers.forEach(p -> out.append("---:|"));
                out.append("---|---|\n");
                for (var q : by.entrySet()) {
                    for (var c : q.getValue().entrySet()) {
                        Map<String, List<double[]>> cell = c.getValue();
                        out.append("| ").append(q.getKey()).append(" | ").append(c.getKey()).append(" |");
                        for (String s : servers) {
                            double rps = median(col(cell.get(s), 0)), p50 = median(col(cell.get(s), 1)), p99 = median(col(cell.get(s), 2));
                            out.append(' ').append(f(rps, 0)).append(" |");
                            int runs = cell.getOrDefault(s, List.of()).size();
                            csv.add("question," + q.getKey() + "," + s + "," + c.getKey() + ",req_per_s," + f(rps, 1).replace(",", "") + "," + runs);
                            csv.add("question," + q.getKey() + "," + s + "," + c.getKey() + ",p50_ms," + f(p50, 2).replace(",", "") + "," + runs);
                            csv.add("question," + q.getKey() + "," + s + "," + c.getKey() + ",p99_ms," + f(p99, 2).replace(",", "") + "," + runs);
                        }
                        double o = median(col(cell.get("ours"), 0));
                        for (String p : peers) {
                            String r = ratio(o, median(col(cell.get(p), 0)));
                            out.append(' ').append(r).append(" |");
                            csv.add("question," + q.getKey() + ",ours/" + p + "," + c.getKey() + ",throughput_ratio," + r.replace("–", "") + ",");
                        }
                        out.append(' ').append(servers.stream().map(s -> f(median(col(cell.get(s), 1)), 1)).collect(Collectors.joining(" / "))).append(" |");
                        out.append(' ').append(servers.stream().map(s -> f(median(col(cell.get(s), 2)), 1)).collect(Collectors.joining(" / "))).append(" |\n");
                    }
                }
                out.append('\n');
                if (!failures.isEmpty()) {
                    out.append("Responses other than 200, or errors, during the load runs (these cells measure failures, not answers):\n\n");
                    failures.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
                    out.append('\n');
                }
            }

            if (!verdict.isEmpty()) {
                out.append("## Answers\n\nEach server's answer to each question (after warm-up) compared with the expected results in\n"
                        + "`queries/*.srj`: \"same\" (term by term), \"same values\" (equal values, e.g. another lexical form), \"same rows, other\n"
                        + "order\" (ties under ORDER BY, or another collation), \"same, GROUP_CONCAT in another order\" (SPARQL leaves the order\n"
                        + "of the concatenated values to the store), or \"differs\". A server that answers differently is not doing the same\n"
                        + "work, so its figures for that question are not comparable.\n\n| question |");
                LinkedHashSet<String> vs = new LinkedHashSet<>();
                verdict.values().forEach(m -> vs.addAll(m.keySet()));
                vs.forEach(s -> out.append(' ').append(s).append(" |"));
                out.append("\n|---|");
                vs.forEach(s -> out.append("---|"));
                out.append('\n');
                for (var e : verdict.entrySet()) {
                    out.append("| ").append(e.getKey()).append(" |");
                    for (String s : vs) {
                        String v = e.getValue().getOrDefault(s, "–");
                        out.append(' ').append(v).append(" |");
                        csv.add("answer," + e.getKey() + "," + s + ",,verdict," + csv(v) + ",");
                    }
                    out.append('\n');
                }
                out.append('\n');
            }

            Path extra = rawDir.resolve("notes.md");
            if (Files.exists(extra)) out.append(Files.readString(extra));

            Files.createDirectories(md.toAbsolutePath().getParent());
            Files.writeString(md, out.toString());
            Files.write(csvFile, csv);
            System.out.print(out);
        }

        static void ratioLine(List<String> lines, List<String> csv, Map<String, List<Double>> by, String a, String b) {
            if (a == null || b == null) return;
            String r = ratio(median(by.get(a)), median(by.get(b)));
            lines.add("`" + a + "` ÷ `" + b + "`: **" + r + "**");
            csv.add("coldstart_ratio," + csv(a + " / " + b) + ",,,ratio," + r + ",");
        }

        static String find(java.util.Set<String> keys, String prefix) {
            return keys.stream().filter(k -> k.startsWith(prefix)).findFirst().orElse(null);
        }

        static List<Double> col(List<double[]> v, int i) {
            if (v == null) return List.of();
            return v.stream().map(d -> d[i]).toList();
        }
    }
}
