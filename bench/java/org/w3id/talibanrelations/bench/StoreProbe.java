package org.w3id.talibanrelations.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;

/**
 * The store benchmark: {@code StoreProbe ROOT WORK QUERIES OUT.md [RUNS=5]}.
 * <ol>
 *   <li>Unless {@code WORK/kg.nq} exists, builds and validates the project at ROOT (as {@code validate}
 *       does) and writes every quad of the dataset as N-Quads (the published data, unsorted).</li>
 *   <li>Loads it into a new TDB2 database in {@code WORK/tdb2} with the TDB2 bulk loader {@code serve --store} uses ({@code -Dtir.store.loader},
 *       default sequential: on two cores the fastest), timed.</li>
 *   <li>Runs every {@code QUERIES/cq*.rq} on it (the union of the named graphs as the default graph,
 *       as {@code serve --store} answers), once unmeasured, then RUNS times, each in a read
 *       transaction with the whole result consumed; a query is cut after 120 s.</li>
 * </ol>
 * Writes OUT.md (and OUT.csv beside it) with the machine, the load time and each question's median
 * and slowest time. Run through {@code bench/store.sh}.
 */
public final class StoreProbe {
    private StoreProbe() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: StoreProbe ROOT WORK QUERIES OUT.md [RUNS=5]");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path work = Path.of(args[1]);
        Path queries = Path.of(args[2]);
        Path out = Path.of(args[3]);
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        Files.createDirectories(work);
        Path dump = work.resolve("kg.nq");
        StringBuilder md = new StringBuilder();
        List<String> csv = new ArrayList<>(List.of("what,name,value,unit"));
        String started = Instant.now().toString();
        String loadAtStart = Files.readString(Path.of("/proc/loadavg")).trim();

        long buildMs = -1;
        long facts = -1;
        if (!Files.exists(dump)) {
            long t0 = System.nanoTime();
            KgBuild build = KgBuild.run(new Layout(root));
            List<Problem> problems = KgValidator.validate(Scope.whole(build));
            if (!problems.isEmpty()) {
                problems.stream().limit(20).forEach(System.err::println);
                System.exit(1);
            }
            buildMs = (System.nanoTime() - t0) / 1_000_000;
            facts = build.facts().size();
            Path partial = work.resolve("kg.nq.partial");
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
                StreamRDF w = StreamRDFWriter.getWriterStream(os, Lang.NQUADS);
                w.start();
                build.dataset().find().forEachRemaining(w::quad);
                w.finish();
            }
            Files.move(partial, dump, StandardCopyOption.REPLACE_EXISTING);
            System.out.printf("STORE-PROGRESS built and validated %,d facts in %,d ms; wrote %s (%,d MB)%n",
                    facts, buildMs, dump, Files.size(dump) >> 20);
        }
        System.gc(); // the build was local to the block above: nothing of it is kept for the load

        Path dbDir = work.resolve("tdb2");
        if (Files.exists(dbDir)) deleteTree(dbDir);
        Files.createDirectories(dbDir);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dbDir));
        MonitorOutput quiet = (fmt, a) -> { };
        long t0 = System.nanoTime();
        String kind = System.getProperty("tir.store.loader", "sequential");
        DataLoader loader = kind.equals("parallel") ? LoaderFactory.parallelLoader(dsg, quiet)
                : kind.equals("phased") ? LoaderFactory.phasedLoader(dsg, quiet)
                : LoaderFactory.sequentialLoader(dsg, quiet);
        loader.startBulk();
        loader.load(dump.toString());
        loader.finishBulk();
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long quads = loader.countQuads();
        long dbBytes;
        try (Stream<Path> s = Files.walk(dbDir)) {
            dbBytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("STORE-PROGRESS loaded %,d quads into TDB2 in %,d ms (%,d MB on disk)%n", quads, loadMs, dbBytes >> 20);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);

        List<Path> qs;
        try (Stream<Path> s = Files.list(queries)) {
            qs = s.filter(p -> p.getFileName().toString().matches("cq.*\\.rq")).sorted(Comparator.comparing(Path::toString)).toList();
        }
        record Row(String name, long rows, double medianMs, double maxMs, String note) {}
        List<Row> rows = new ArrayList<>();
        for (Path q : qs) {
            String name = q.getFileName().toString().replaceFirst("\\.rq$", "");
            Query query = QueryFactory.read(q.toString());
            double[] ms = new double[runs];
            long n = -1;
            String note = "";
            try {
                for (int i = -1; i < runs; i++) {
                    long s0 = System.nanoTime();
                    n = Txn.calculateRead(dsg, () -> {
                        try (QueryExecution qe = QueryExecution.create().query(query).dataset(org.apache.jena.query.DatasetFactory.wrap(dsg))
                                .timeout(120, TimeUnit.SECONDS).build()) {
                            if (query.isSelectType()) return (long) ResultSetFormatter.consume(qe.execSelect());
                            if (query.isAskType()) return qe.execAsk() ? 1L : 0L;
                            return (long) qe.execConstruct().size();
                        }
                    });
                    if (i >= 0) ms[i] = (System.nanoTime() - s0) / 1e6;
                }
            } catch (RuntimeException e) {
                note = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                Arrays.fill(ms, Double.NaN);
            }
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            Row r = new Row(name, n, sorted[runs / 2], sorted[runs - 1], note);
            rows.add(r);
            System.out.printf(Locale.ROOT, "STORE-QUERY %s rows=%d median_ms=%.1f max_ms=%.1f %s%n", name, n, r.medianMs(), r.maxMs(), note);
        }
        dsg.close();

        Runtime rt = Runtime.getRuntime();
        md.append("# The store at scale: TDB2 load and the competency questions\n\n")
          .append("Generated by `bench/store.sh` (`StoreProbe`); do not edit by hand: rerun it.\n\n")
          .append("## Machine and run\n\n```\n")
          .append("started: ").append(started).append(", load average then ").append(loadAtStart).append('\n')
          .append("ended: ").append(Instant.now()).append(", load average then ").append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n')
          .append("cores: ").append(rt.availableProcessors()).append("; max heap: ").append(rt.maxMemory() >> 20).append(" MB; java ")
          .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version")).append('\n')
          .append("project: ").append(root).append('\n')
          .append("```\n\n")
          .append("## Load\n\n| what | value |\n|---|---:|\n");
        if (buildMs >= 0) md.append("| facts built and validated | ").append(String.format(Locale.ROOT, "%,d", facts)).append(" |\n")
                            .append("| build + validation (ms) | ").append(String.format(Locale.ROOT, "%,d", buildMs)).append(" |\n");
        md.append("| quads loaded | ").append(String.format(Locale.ROOT, "%,d", quads)).append(" |\n")
          .append("| TDB2 ").append(kind).append(" bulk load (ms) | ").append(String.format(Locale.ROOT, "%,d", loadMs)).append(" |\n")
          .append("| quads per second | ").append(String.format(Locale.ROOT, "%,.0f", quads * 1000.0 / Math.max(1, loadMs))).append(" |\n")
          .append("| database on disk (MB) | ").append(String.format(Locale.ROOT, "%,d", dbBytes >> 20)).append(" |\n\n");
        csv.add("load,quads," + quads + ",quads");
        csv.add("load,tdb2_" + kind + "_load," + loadMs + ",ms");
        if (buildMs >= 0) csv.add("build,build_and_validate," + buildMs + ",ms");
        md.append("## Competency questions on the store\n\n")
          .append("In process (no HTTP), TDB2 with the union of the named graphs as the default graph; one unmeasured run, then ")
          .append(runs).append(" measured, each consuming the whole result. Most questions name real actors (Russia, Muttaqi…)\n")
          .append("that a synthetic corpus does not have: they measure the store's access paths on a graph this size, and many have no rows.\n\n")
          .append("| question | rows | median ms | slowest ms | note |\n|---|---:|---:|---:|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.name()).append(" | ").append(r.rows()).append(" | ")
              .append(String.format(Locale.ROOT, "%.1f", r.medianMs())).append(" | ")
              .append(String.format(Locale.ROOT, "%.1f", r.maxMs())).append(" | ").append(r.note()).append(" |\n");
            csv.add("query," + r.name() + "," + String.format(Locale.ROOT, "%.2f", r.medianMs()) + ",ms_median");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        Files.write(Path.of(out.toString().replaceFirst("\\.md$", "") + ".csv"), csv);
        System.out.println("Wrote " + out);
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
