package org.sitewatch.audit.replay;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that decode fetched records for replays. The REST API shares one pool among all its
 * requests, so concurrent replays never take more decoding threads than it was given; a command-line
 * replay makes one for itself ({@link #ofAllCores()}). Daemon threads, so a forgotten pool never keeps
 * the JVM up.
 */
public final class DecoderPool implements AutoCloseable {

    private final ExecutorService executor;
    private final int threads;

    public DecoderPool(int threads, String namePrefix) {
        if (threads < 1) {
            throw new IllegalArgumentException("a decoder pool needs at least 1 thread, not " + threads);
        }
        AtomicInteger n = new AtomicInteger();
        this.threads = threads;
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, namePrefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Every core: a command-line replay is the only work of its process. */
    public static DecoderPool ofAllCores() {
        return new DecoderPool(Math.max(1, Runtime.getRuntime().availableProcessors()), "sitewatch-replay-decode");
    }

    public int threads() {
        return threads;
    }

    <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
