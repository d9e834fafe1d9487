package org.w3id.talibanrelations.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.build.LowMemoryBuild;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;

/**
 * One measurement, in a JVM of its own so that its heap figures are its own: {@code ScaleProbe ROOT}
 * builds and validates the project at ROOT exactly as {@code validate} does ({@code KgBuild.run}, then
 * {@code KgValidator.validate}) and prints one line {@code SCALE-PROBE key=value …}:
 * <ul>
 *   <li>{@code build_ms}, {@code validate_ms}: wall time of each phase;</li>
 *   <li>{@code cpu_ms}: CPU time of the threads that ran them, the main thread and the build's workers
 *       ({@code Parallel}) (less sensitive to other load on the machine than wall time);
 *       {@code main_cpu_ms}: the main thread's alone; {@code process_cpu_ms}: CPU time of the whole JVM, GC and
 *       JIT threads included;</li>
 *   <li>{@code peak_heap_mb}: the most heap in use at any time: the larger of the heap in use before each
 *       garbage collection (from the collector's notifications) and a 20 ms poll;</li>
 *   <li>{@code live_heap_mb}: heap in use after a full collection at the end, the validated build still
 *       held: what the result takes; {@code dataset_heap_mb}: the same with only the built dataset held;</li>
 *   <li>{@code gc_ms}, {@code gc_count}: collections during the run; {@code facts}, {@code quads}.</li>
 * </ul>
 * Exit status 1, with the problems on standard error, if the project does not validate.
 */
public final class ScaleProbe {
    private ScaleProbe() {}

    /**
     * {@code ScaleProbe ROOT --low-memory}: the same figures for {@code validate --low-memory}
     * ({@code LowMemoryBuild}), which builds and validates partition by partition: {@code build_ms} is
     * the build with each partition's checks, {@code validate_ms} the checks that need the whole build
     * (shapes on what is not a fact, QC rules); the quads are those it would write, counted as sent;
     * the live heap is what the finished build holds (the shared graphs, the projection of the
     * facts, the derived and rule graphs).
     */
    private static void lowMemory(Layout layout, long t0, long cpu0, long pcpu0, AtomicLong peak, Thread poller) {
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var memory = ManagementFactory.getMemoryMXBean();
        long[] quads = { 0 };
        org.apache.jena.riot.system.StreamRDF counter = new org.apache.jena.riot.system.StreamRDFBase() {
            @Override public void quad(org.apache.jena.sparql.core.Quad q) { quads[0]++; }
        };
        LowMemoryBuild.Result r = LowMemoryBuild.run(layout, counter);
        long t1 = System.nanoTime();
        long mainCpu = threads.getCurrentThreadCpuTime() - cpu0, pcpu = os.getProcessCpuTime() - pcpu0;
        long cpu = mainCpu;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds()))
            if (info != null && info.getThreadName().startsWith(org.w3id.talibanrelations.core.Parallel.THREAD_NAME)) cpu += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
        poller.interrupt();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        long gcMs = 0, gcCount = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) { gcMs += gc.getCollectionTime(); gcCount += gc.getCollectionCount(); }
        if (!r.problems().isEmpty()) {
            System.err.println(r.problems().size() + " problem(s):");
            r.problems().stream().limit(30).forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
        System.gc();
        System.gc();
        long live = memory.getHeapMemoryUsage().getUsed();
        Reference.reachabilityFence(r);
        System.out.printf("SCALE-PROBE facts=%d quads=%d build_ms=%d validate_ms=%d cpu_ms=%d main_cpu_ms=%d process_cpu_ms=%d peak_heap_mb=%d live_heap_mb=%d dataset_heap_mb=%d gc_ms=%d gc_count=%d max_heap_mb=%d%n",
                r.build().facts().size(), quads[0], (t1 - t0) / 1_000_000 - r.finishMillis(), r.finishMillis(), cpu / 1_000_000, mainCpu / 1_000_000, pcpu / 1_000_000,
                peak.get() >> 20, live >> 20, live >> 20, gcMs, gcCount, Runtime.getRuntime().maxMemory() >> 20);
    }

    public static void main(String[] args) throws Exception {
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) heapPools.add(p.getName());
        AtomicLong peak = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet())
                    if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
                peak.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        var memory = ManagementFactory.getMemoryMXBean();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try { Thread.sleep(20); } catch (InterruptedException e) { return; }
            }
        }, "heap-poller");
        poller.setDaemon(true);
        poller.start();

        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime(), pcpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Layout layout = new Layout(Path.of(args[0]).toAbsolutePath().normalize());
        if (args.length > 1 && args[1].equals("--low-memory")) {
            lowMemory(layout, t0, cpu0, pcpu0, peak, poller);
            return;
        }
        KgBuild build = KgBuild.run(layout);
        long t1 = System.nanoTime();
        // For a run stopped by the harness's time limit: how far it got.
        System.out.printf("SCALE-PROGRESS build done: %,d facts in %,d ms, %,d MB heap in use%n",
                build.facts().size(), (t1 - t0) / 1_000_000, memory.getHeapMemoryUsage().getUsed() >> 20);
        System.out.flush();
        List<Problem> problems = KgValidator.validate(Scope.whole(build));
        long t2 = System.nanoTime();
        long mainCpu = threads.getCurrentThreadCpuTime() - cpu0, pcpu = os.getProcessCpuTime() - pcpu0;
        long cpu = mainCpu;   // the workers start during the run: all their CPU time is the run's
        for (var info : threads.getThreadInfo(threads.getAllThreadIds()))
            if (info != null && info.getThreadName().startsWith(org.w3id.talibanrelations.core.Parallel.THREAD_NAME)) cpu += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
        poller.interrupt();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        long gcMs = 0, gcCount = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) { gcMs += gc.getCollectionTime(); gcCount += gc.getCollectionCount(); }
        if (!problems.isEmpty()) {
            System.err.println(problems.size() + " problem(s):");
            problems.stream().limit(30).forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
        DatasetGraph dsg = build.dataset();
        long quads = dsg.getDefaultGraph().size();
        for (var it = dsg.listGraphNodes(); it.hasNext(); ) quads += dsg.getGraph(it.next()).size();
        int facts = build.facts().size();
        System.gc();
        System.gc();
        long live = memory.getHeapMemoryUsage().getUsed();
        Reference.reachabilityFence(build);
        build = null;
        problems = null;
        System.gc();
        System.gc();
        long datasetOnly = memory.getHeapMemoryUsage().getUsed();
        Reference.reachabilityFence(dsg);
        System.out.printf("SCALE-PROBE facts=%d quads=%d build_ms=%d validate_ms=%d cpu_ms=%d main_cpu_ms=%d process_cpu_ms=%d peak_heap_mb=%d live_heap_mb=%d dataset_heap_mb=%d gc_ms=%d gc_count=%d max_heap_mb=%d%n",
                facts, quads, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, cpu / 1_000_000, mainCpu / 1_000_000, pcpu / 1_000_000,
                peak.get() >> 20, live >> 20, datasetOnly >> 20, gcMs, gcCount, Runtime.getRuntime().maxMemory() >> 20);
    }
}
