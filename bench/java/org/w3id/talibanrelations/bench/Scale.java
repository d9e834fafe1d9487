package org.w3id.talibanrelations.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import org.w3id.talibanrelations.SyntheticCorpus;

/**
 * How build and validation grow with the number of facts: {@code bench/scale.sh [options]}.
 * For each size it generates a {@link SyntheticCorpus} (cached under {@code --work}), then runs
 * {@link ScaleProbe} in a fresh JVM per repetition, so that each run's heap figures are its own, and
 * reports the medians. Results go to {@code --out}: {@code NAME.csv} (one row per run), {@code NAME.md}
 * (machine, medians, growth factors) and {@code NAME.svg} (log-log plot with a linear reference).
 *
 * <pre>
 *   --sizes 1000,10000,100000     facts per corpus
 *   --repeats 5,3,3               runs per size (the last value repeats for further sizes)
 *   --seed 1                      corpus seed
 *   --xmx 8g                      heap limit of each measured JVM
 *   --mode low-memory             measure validate --low-memory (LowMemoryBuild) instead of validate
 *   --jar PATH                    measure another build of the project (e.g. an older commit's jar)
 *   --name scale                  output file names
 *   --out bench/results --work target/bench-scale --timeout 900 (seconds per run)
 *   --profile SIZE                instead: one run of SIZE under JFR, then the top methods ({@link JfrTop})
 *   --replot true                 instead: redraw NAME.svg from NAME.csv (and NAME-baseline.csv, if there)
 * </pre>
 */
public final class Scale {
    private Scale() {}

    /** One run of the probe. */
    record Run(int size, int run, long facts, long quads, double buildS, double validateS, double cpuS, double processCpuS,
               long peakMb, long liveMb, long datasetMb, double gcS, double processWallS, String load) {
        double totalS() { return buildS + validateS; }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int[] sizes = Arrays.stream(o.getOrDefault("sizes", "1000,10000,100000").split(",")).mapToInt(s -> Integer.parseInt(s.strip().replace("_", ""))).toArray();
        int[] repeats = Arrays.stream(o.getOrDefault("repeats", "5,3,3").split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        String xmx = o.getOrDefault("xmx", "8g");
        MODE = o.getOrDefault("mode", "in-memory");
        if (!MODE.equals("in-memory") && !MODE.equals("low-memory")) throw new IllegalArgumentException("--mode in-memory or low-memory");
        String name = o.getOrDefault("name", "scale");
        Path out = Path.of(o.getOrDefault("out", "bench/results"));
        Path work = Path.of(o.getOrDefault("work", "target/bench-scale"));
        long timeout = Long.parseLong(o.getOrDefault("timeout", "900"));
        String classpath = o.containsKey("jar") ? o.get("jar") + java.io.File.pathSeparator + testClasses() : System.getProperty("java.class.path");
        Files.createDirectories(out);
        Files.createDirectories(work);

        if (o.containsKey("replot")) {
            Path baseline = out.resolve(name + "-baseline.csv");
            Files.writeString(out.resolve(name + ".svg"), svg(readCsv(out.resolve(name + ".csv")), Files.exists(baseline) ? readCsv(baseline) : List.of()));
            System.out.println("Written: " + out.resolve(name + ".svg"));
            return;
        }
        if (o.containsKey("profile")) {
            int size = Integer.parseInt(o.get("profile").replace("_", ""));
            Path root = corpus(work, size, seed);
            Path jfr = work.resolve("profile-" + size + ".jfr");
            Run r = probe(classpath, xmx, root, size, 1, timeout, work, List.of("-XX:FlightRecorderOptions:stackdepth=1024", "-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile"));
            System.out.printf("%s%nrecording: %s%n", line(r), jfr);
            JfrTop.main(new String[] { jfr.toString(), "30" });
            return;
        }

        String loadBefore = loadAverage();
        Instant started = Instant.now();
        String code = o.containsKey("jar") ? o.get("jar") : "this checkout, " + git();   // as it is when the runs start
        List<Run> runs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        sizes:
        for (int i = 0; i < sizes.length; i++) {
            int size = sizes[i], n = repeats[Math.min(i, repeats.length - 1)];
            long g0 = System.nanoTime();
            Path root = corpus(work, size, seed);
            System.out.printf("%,d facts: corpus at %s (%.1f s)%n", size, root, (System.nanoTime() - g0) / 1e9);
            for (int k = 1; k <= n; k++) {
                try {
                    Run r = probe(classpath, xmx, root, size, k, timeout, work, List.of());
                    runs.add(r);
                    System.out.println("  " + line(r));
                } catch (IllegalStateException e) {
                    // A run that times out or is killed (out of memory) ends the series: larger sizes would fare no better.
                    failures.add(e.getMessage());
                    System.out.println("  " + e.getMessage());
                    write(out, name, runs, failures, started, loadBefore, xmx, seed, code);
                    break sizes;
                }
                write(out, name, runs, failures, started, loadBefore, xmx, seed, code);   // after every run: nothing lost if a later size fails
            }
        }
        System.out.println();
        System.out.print(table(runs));
        System.out.print(growth(runs));
        System.out.printf("%nWritten: %s/%s.md, .csv, .svg%n", out, name);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("options are --name value: " + args[i]);
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static String testClasses() {
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            if (e.endsWith("test-classes") || e.endsWith("test-classes/")) return e;
        return "target/test-classes";
    }

    /**
     * The corpus for a size, generated once per size, seed and generator version. Its ontology, shapes and
     * rules are then replaced by this checkout's, so that a cached corpus measures the current ones (only
     * {@code data/} is synthetic).
     */
    static Path corpus(Path work, int size, long seed) throws IOException {
        Path root = work.resolve("corpus-" + size + "-seed" + seed + "-v" + SyntheticCorpus.VERSION);
        if (!Files.exists(root.resolve("COMPLETE"))) {
            if (Files.exists(root)) deleteTree(root);
            SyntheticCorpus.Summary s = SyntheticCorpus.write(root, size, seed);
            Files.writeString(root.resolve("COMPLETE"), s.toString() + "\n");
        }
        refresh(root);
        return root;
    }

    /** Replaces a corpus's {@code ontology/}, {@code shapes/} and {@code queries/rules/} by this checkout's. */
    static void refresh(Path root) throws IOException {
        var real = org.w3id.talibanrelations.TestProjects.REAL;
        for (String d : List.of("ontology", "shapes", "queries/rules")) {
            Path target = root.resolve(d);
            if (Files.exists(target)) deleteTree(target);
            org.w3id.talibanrelations.TestProjects.copyTree(real.root().resolve(d), target);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }

    /** {@code in-memory} ({@code validate}) or {@code low-memory} ({@code validate --low-memory}). */
    private static String MODE = "in-memory";

    /** One measurement in a fresh JVM. */
    static Run probe(String classpath, String xmx, Path root, int size, int k, long timeoutS, Path work, List<String> extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + xmx));
        cmd.addAll(extra);
        cmd.addAll(List.of("-cp", classpath, ScaleProbe.class.getName(), root.toAbsolutePath().toString()));
        if (MODE.equals("low-memory")) cmd.add("--low-memory");
        Path log = work.resolve("run-" + size + "-" + k + ".log");
        String load = loadAverage();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException(String.format(Locale.ROOT, "%,d facts, run %d: no result within %,d s (stopped; see %s)", size, k, timeoutS, log));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() == 137 || p.exitValue() == 143)
            throw new IllegalStateException(String.format(Locale.ROOT, "%,d facts, run %d: killed after %.0f s (exit %d: the system's out-of-memory killer, or a signal); see %s",
                    size, k, wall, p.exitValue(), log));
        if (p.exitValue() != 0) throw new IllegalStateException(size + " facts: the probe failed (exit " + p.exitValue() + "):\n" + output);
        String probe = output.lines().filter(l -> l.startsWith("SCALE-PROBE ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no SCALE-PROBE line in " + log));
        Map<String, Long> v = new LinkedHashMap<>();
        for (String kv : probe.substring(12).split(" ")) { String[] x = kv.split("="); v.put(x[0], Long.parseLong(x[1])); }
        return new Run(size, k, v.get("facts"), v.get("quads"), v.get("build_ms") / 1e3, v.get("validate_ms") / 1e3, v.get("cpu_ms") / 1e3,
                v.get("process_cpu_ms") / 1e3, v.get("peak_heap_mb"), v.get("live_heap_mb"), v.getOrDefault("dataset_heap_mb", -1L), v.get("gc_ms") / 1e3, wall, load);
    }

    private static String line(Run r) {
        return String.format(Locale.ROOT, "run %d: %,d facts, %,d quads: build %.1f s + validate %.1f s = %.1f s (thread CPU %.1f s, process CPU %.1f s, GC %.1f s), peak heap %,d MB, live %,d MB (dataset %,d MB), JVM wall %.1f s, load %s",
                r.run(), r.facts(), r.quads(), r.buildS(), r.validateS(), r.totalS(), r.cpuS(), r.processCpuS(), r.gcS(), r.peakMb(), r.liveMb(), r.datasetMb(), r.processWallS(), r.load());
    }

    // ------------------------------------------------------------------------------------ reports

    static double median(List<Run> rs, ToDoubleFunction<Run> f) {
        double[] a = rs.stream().mapToDouble(f).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    static Map<Integer, List<Run>> bySize(List<Run> runs) {
        Map<Integer, List<Run>> m = new LinkedHashMap<>();
        for (Run r : runs) m.computeIfAbsent(r.size(), s -> new ArrayList<>()).add(r);
        return m;
    }

    static String table(List<Run> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append("| facts | quads | runs | build (s) | validate (s) | build + validate (s) | thread CPU (s) | peak heap (MB) | live heap (MB) | of which dataset (MB) |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var e : bySize(runs).entrySet()) {
            List<Run> rs = e.getValue();
            double ds = median(rs, r -> r.datasetMb());
            sb.append(String.format(Locale.ROOT, "| %,d | %,d | %d | %.2f | %.2f | %.2f | %.2f | %,.0f | %,.0f | %s |%n",
                    rs.get(0).facts(), rs.get(0).quads(), rs.size(), median(rs, Run::buildS), median(rs, Run::validateS),
                    median(rs, Run::totalS), median(rs, Run::cpuS), median(rs, r -> r.peakMb()), median(rs, r -> r.liveMb()),
                    ds < 0 ? "–" : String.format(Locale.ROOT, "%,.0f", ds)));
        }
        return sb.toString();
    }

    /** Growth factor per step: time ratio divided by size ratio (1 is linear). */
    static String growth(List<Run> runs) {
        StringBuilder sb = new StringBuilder("\n| from | to | time ratio | growth factor (time ratio / size ratio) | thread CPU growth factor | live heap growth factor |\n|---:|---:|---:|---:|---:|---:|\n");
        List<List<Run>> sizes = new ArrayList<>(bySize(runs).values());
        for (int i = 1; i < sizes.size(); i++) {
            List<Run> a = sizes.get(i - 1), b = sizes.get(i);
            double n = (double) b.get(0).size() / a.get(0).size();
            double t = median(b, Run::totalS) / median(a, Run::totalS);
            double c = median(b, Run::cpuS) / median(a, Run::cpuS);
            double h = median(b, r -> r.liveMb()) / median(a, r -> r.liveMb());
            sb.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f | %.2f | %.2f | %.2f |%n", a.get(0).size(), b.get(0).size(), t, t / n, c / n, h / n));
        }
        return sb.toString();
    }

    private static void write(Path out, String name, List<Run> runs, List<String> failures, Instant started, String loadBefore, String xmx, long seed,
                              String code) throws IOException {
        StringBuilder csv = new StringBuilder("size,run,facts,quads,build_s,validate_s,total_s,thread_cpu_s,process_cpu_s,gc_s,peak_heap_mb,live_heap_mb,jvm_wall_s,load_avg_1_5_15,dataset_heap_mb\n");
        for (Run r : runs)
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%d,%d,%.3f,%s,%d%n", r.size(), r.run(), r.facts(), r.quads(),
                    r.buildS(), r.validateS(), r.totalS(), r.cpuS(), r.processCpuS(), r.gcS(), r.peakMb(), r.liveMb(), r.processWallS(),
                    r.load().replace(' ', '/'), r.datasetMb()));
        Files.writeString(out.resolve(name + ".csv"), csv);

        StringBuilder md = new StringBuilder("# Build and validation time against corpus size\n\n");
        md.append("Generated by `bench/scale.sh`; do not edit by hand: rerun it. Wall times depend on what else ran on the machine "
                + "(its load averages are below); the thread CPU column is less affected.\n\n");
        md.append("Runs generate nothing: the corpus (`SyntheticCorpus`, seed ").append(seed).append(", generator version ").append(SyntheticCorpus.VERSION)
          .append(") is made once per size; each run is a fresh JVM (`-Xmx").append(xmx).append("`, default collector) running `ScaleProbe`, ")
          .append(MODE.equals("low-memory")
                  ? "which builds and validates exactly as `validate --low-memory` does (`LowMemoryBuild`: one folder of facts at a time; build and validation interleave: the build column holds the build with each partition's checks, the validate column the checks that need the whole build). Medians over the runs.\n\n"
                  : "which builds and validates exactly as the `validate` command does. Medians over the runs.\n\n");
        if (Files.exists(out.resolve("scale-notes.md")))
            md.append("What was slow and what changed, the profile, growth factors before and after, and what a million facts needs: `scale-notes.md`.\n\n");
        md.append("## Machine\n\n").append(machine(started, loadBefore, code)).append('\n');
        md.append("## Results\n\n").append(table(runs)).append(growth(runs)).append('\n');
        for (String f : failures) md.append("Did not finish: ").append(f.replace(out.getParent() == null ? "" : out.getParent().toString() + "/", "")).append("\n\n");
        md.append("""
                Columns: *build* is `KgBuild.run` (parse, quotes, references, derived triples, rules), *validate* is `KgValidator.validate`
                (SHACL, evidence offsets, QC rules); *thread CPU* is the CPU time of the threads that ran both (the main thread and the build's worker threads); *peak heap* the most heap in use
                at any time (before-collection figures and a 20 ms poll); *live heap* what remains after a full collection with the validated
                build still held (since the build keeps its served view, the union of its graphs, this includes that copy), *of which dataset*
                the same with only the built dataset held (the baseline's live heap held no union, so it compares with this column). A growth factor of 1 is linear growth; 1.5 at a tenfold step means the time grew 15-fold.
                Every run, with the load average when it started: `""").append(name).append(".csv`. Plot: `").append(name).append(".svg`.\n");
        Path baseline = out.resolve(name + "-baseline.csv");
        List<Run> before = Files.exists(baseline) ? readCsv(baseline) : List.of();
        if (!before.isEmpty()) {
            md.append("\n## Before the speed fixes\n\nThe same harness on the build before the fixes (`").append(baseline.getFileName())
              .append("`, same corpus, same machine, also provisional):\n\n").append(table(before)).append(growth(before)).append('\n');
        }
        Files.writeString(out.resolve(name + ".md"), md);
        Files.writeString(out.resolve(name + ".svg"), svg(runs, before));
    }

    static List<Run> readCsv(Path p) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (String l : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
            String[] c = l.split(",");
            runs.add(new Run(Integer.parseInt(c[0]), Integer.parseInt(c[1]), Long.parseLong(c[2]), Long.parseLong(c[3]), Double.parseDouble(c[4]),
                    Double.parseDouble(c[5]), Double.parseDouble(c[7]), Double.parseDouble(c[8]), Long.parseLong(c[10]), Long.parseLong(c[11]),
                    c.length > 14 ? Long.parseLong(c[14]) : -1, Double.parseDouble(c[9]), Double.parseDouble(c[12]), c[13].replace('/', ' ')));
        }
        return runs;
    }

    private static String machine(Instant started, String loadBefore, String code) {
        StringBuilder sb = new StringBuilder();
        sb.append("- CPU: ").append(firstValue("/proc/cpuinfo", "model name")).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores available to the JVM\n");
        String mem = firstValue("/proc/meminfo", "MemTotal");
        sb.append("- memory: ").append(mem.isEmpty() ? "?" : String.format(Locale.ROOT, "%.1f GB", Long.parseLong(mem.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).append('\n');
        sb.append("- OS: ").append(firstValue("/etc/os-release", "PRETTY_NAME").replace("\"", "")).append(" (").append(System.getProperty("os.name")).append(' ')
          .append(System.getProperty("os.version")).append(' ').append(System.getProperty("os.arch")).append(")\n");
        sb.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version")).append('\n');
        sb.append("- code measured: ").append(code).append('\n');
        sb.append("- started ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(", load average (1, 5, 15 min) then ").append(loadBefore)
          .append(", now ").append(loadAverage()).append('\n');
        return sb.toString();
    }

    private static String firstValue(String file, String key) {
        try {
            for (String l : Files.readAllLines(Path.of(file))) {
                int i = l.indexOf(l.contains("=") && !l.contains(":") ? '=' : ':');
                if (i > 0 && l.substring(0, i).strip().equals(key)) return l.substring(i + 1).strip();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it out
        }
        return "";
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String git() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? "commit " + s : "commit ?";
        } catch (IOException | InterruptedException e) {
            return "commit ?";
        }
    }

    // ------------------------------------------------------------------------------------ plot

    /** A log-log plot of the median times against the number of facts, with a line of slope 1 for reference. */
    static String svg(List<Run> runs, List<Run> before) {
        int w = 800, h = 460, left = 80, right = 260, top = 40, bottom = 60;
        List<double[]> total = points(runs, Run::totalS), cpu = points(runs, Run::cpuS), old = points(before, Run::totalS),
                oldCpu = points(before, Run::cpuS);
        List<double[]> all = new ArrayList<>(total);
        all.addAll(cpu);
        all.addAll(old);
        all.addAll(oldCpu);
        double x0 = Math.floor(Math.log10(all.stream().mapToDouble(p -> p[0]).min().orElse(1000)));
        double x1 = Math.ceil(Math.log10(all.stream().mapToDouble(p -> p[0]).max().orElse(100000)));
        double y0 = Math.floor(Math.log10(all.stream().mapToDouble(p -> p[1]).min().orElse(0.1)));
        double y1 = Math.ceil(Math.log10(all.stream().mapToDouble(p -> p[1]).max().orElse(100)));
        if (x1 <= x0) x1 = x0 + 1;
        if (y1 <= y0) y1 = y0 + 1;
        final double fx0 = x0, fx1 = x1, fy0 = y0, fy1 = y1;
        ToDoubleFunction<Double> X = n -> left + (Math.log10(n) - fx0) / (fx1 - fx0) * (w - left - right);
        ToDoubleFunction<Double> Y = t -> h - bottom - (Math.log10(t) - fy0) / (fy1 - fy0) * (h - top - bottom);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", w, h, w, h));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">Build + validation time against facts (log-log, medians; provisional)</text>%n", left));
        for (int d = (int) x0; d <= x1; d++) {
            double x = X.applyAsDouble(Math.pow(10, d));
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, top, x, h - bottom));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, h - bottom + 18, String.format(Locale.ROOT, "%,d", (long) Math.pow(10, d))));
        }
        for (int d = (int) y0; d <= y1; d++) {
            double y = Y.applyAsDouble(Math.pow(10, d));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", left, y, w - right, y));
            String label = d < 0 ? String.format(Locale.ROOT, "%s s", Math.pow(10, d)) : String.format(Locale.ROOT, "%,d s", (long) Math.pow(10, d));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left - 6, y + 4, label));
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n", left, top, w - left - right, h - top - bottom));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">facts</text>%n", left + (w - left - right) / 2, h - 18));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(20,%d) rotate(-90)\" text-anchor=\"middle\">seconds</text>%n", top + (h - top - bottom) / 2));
        // Clip the reference line to the plot.
        s.append(String.format(Locale.ROOT, "<clipPath id=\"plot\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/></clipPath>%n", left, top, w - left - right, h - top - bottom));
        int legend = 0;
        if (!total.isEmpty()) {
            double[] p = total.get(0);
            double n0 = Math.pow(10, x0), n1 = Math.pow(10, x1);
            s.append(String.format(Locale.ROOT, "<line clip-path=\"url(#plot)\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"6 4\"/>%n",
                    X.applyAsDouble(n0), Y.applyAsDouble(p[1] * n0 / p[0]), X.applyAsDouble(n1), Y.applyAsDouble(p[1] * n1 / p[0])));
            legend = legend(s, w - right + 12, top + 10, legend, "#888", "6 4", "linear (slope 1)");
        }
        if (!old.isEmpty()) {
            series(s, old, X, Y, "#c0392b", "2 3");
            legend = legend(s, w - right + 12, top + 10, legend, "#c0392b", "2 3", "before fixes: wall");
            series(s, oldCpu, X, Y, "#8e44ad", "2 3");
            legend = legend(s, w - right + 12, top + 10, legend, "#8e44ad", "2 3", "before fixes: thread CPU");
        }
        String after = old.isEmpty() ? "" : "after: ";
        series(s, total, X, Y, "#1f5fa8", null);
        legend = legend(s, w - right + 12, top + 10, legend, "#1f5fa8", null, after + "build + validate (wall)");
        series(s, cpu, X, Y, "#e08a00", "8 3");
        legend = legend(s, w - right + 12, top + 10, legend, "#e08a00", "8 3", after + "thread CPU");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\">wall time depends on the</text>%n", w - right + 12, top + 30 + legend * 20));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\">machine's load: compare CPU</text>%n", w - right + 12, top + 44 + legend * 20));
        return s.append("</svg>\n").toString();
    }

    private static List<double[]> points(List<Run> runs, ToDoubleFunction<Run> f) {
        List<double[]> ps = new ArrayList<>();
        for (List<Run> rs : bySize(runs).values()) ps.add(new double[] { rs.get(0).size(), Math.max(1e-3, median(rs, f)) });
        return ps;
    }

    private static void series(StringBuilder s, List<double[]> ps, ToDoubleFunction<Double> X, ToDoubleFunction<Double> Y, String color, String dash) {
        StringBuilder pts = new StringBuilder();
        for (double[] p : ps) pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", X.applyAsDouble(p[0]), Y.applyAsDouble(p[1])));
        s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n", pts.toString().strip(), color,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        for (double[] p : ps) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%,d facts: %.2f s</title></circle>%n",
                    X.applyAsDouble(p[0]), Y.applyAsDouble(p[1]), color, (long) p[0], p[1]));
        }
    }

    private static int legend(StringBuilder s, int x, int y, int i, String color, String dash, String label) {
        int yy = y + i * 20;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>%n", x, yy, x + 24, yy, color,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 30, yy + 4, label));
        return i + 1;
    }
}
