package org.w3id.talibanrelations.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Independent read-only work of the build and the validation (parsing files ahead, rules, SHACL by
 * chunks of focus nodes, the evidence and QC checks) on the machine's cores. Results are always taken
 * in the order the work was given, so that the output and the problems do not depend on which thread
 * finished first. {@code -Dtir.threads=1} runs everything on the caller's thread, in order.
 * <p>
 * Only the caller waits for results: a task never waits for another, so the fixed pool cannot stall.
 */
public final class Parallel {
    private Parallel() {}

    /** Worker threads: {@code -Dtir.threads=N}, by default one per processor. */
    public static final int THREADS = Math.max(1, Integer.getInteger("tir.threads", Runtime.getRuntime().availableProcessors()));

    /** Name prefix of the worker threads (the scale benchmark adds up their CPU time). */
    public static final String THREAD_NAME = "tir-worker-";

    private static final ExecutorService POOL = THREADS == 1 ? null : Executors.newFixedThreadPool(THREADS, new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();
        @Override public Thread newThread(Runnable r) {
            Thread t = new Thread(r, THREAD_NAME + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    /** Starts a task (with one thread: runs it now); {@link #get} takes its result. */
    public static <T> Future<T> start(Callable<T> task) {
        if (POOL != null) return POOL.submit(task);
        try {
            return CompletableFuture.completedFuture(task.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The result of a started task; its exception, if it failed, is thrown again as it was. */
    public static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    /** Runs tasks and returns their results in the order of the tasks. */
    public static <T> List<T> all(List<? extends Callable<T>> tasks) {
        List<Future<T>> started = new ArrayList<>(tasks.size());
        for (Callable<T> t : tasks) started.add(start(t));
        List<T> out = new ArrayList<>(tasks.size());
        RuntimeException failed = null;
        for (Future<T> f : started) {
            try {
                out.add(get(f));
            } catch (RuntimeException e) {
                // Wait for the others all the same: nothing keeps running after the caller moves on.
                if (failed == null) failed = e;
                out.add(null);
            }
        }
        if (failed != null) throw failed;
        return out;
    }
}
