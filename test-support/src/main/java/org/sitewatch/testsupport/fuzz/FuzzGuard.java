package org.sitewatch.testsupport.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz try on a worker thread under a time-out and checks how it ended: it returned, or it
 * threw one of the typed exceptions the caller classifies (a malformed answer, a skipped record, a
 * dead letter). Anything else (a NullPointerException, a ClassCastException, a StackOverflowError, a
 * hang) fails the try with the input in the message.
 */
public final class FuzzGuard {

    /** How long one try may take: a mapper that needs more on a small document hangs. */
    public static final Duration PER_TRY = Duration.ofSeconds(2);

    private static ExecutorService worker = newWorker();

    private FuzzGuard() {
    }

    /**
     * Runs {@code body} and fails unless it returns or throws an instance of one of {@code typed}.
     *
     * @param input what the try was given, for the failure message
     * @return what it threw (one of {@code typed}), or null when it returned
     */
    @SafeVarargs
    public static Throwable expectResultOr(Object input, Callable<?> body, Class<? extends Throwable>... typed) {
        Throwable thrown = run(input, body);
        if (thrown == null) {
            return null;
        }
        for (Class<? extends Throwable> type : typed) {
            if (type.isInstance(thrown)) {
                return thrown;
            }
        }
        throw new AssertionError("untyped failure " + thrown + " for input:\n" + shortened(input), thrown);
    }

    /** Runs {@code body} within {@link #PER_TRY}: what it threw, or null when it returned. */
    public static synchronized Throwable run(Object input, Callable<?> body) {
        Future<?> result = worker.submit(body);
        try {
            result.get(PER_TRY.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            result.cancel(true);
            worker.shutdownNow(); // its thread may never come back; the next try gets a fresh one
            worker = newWorker();
            throw new AssertionError("no answer within " + PER_TRY.toMillis() + " ms for input:\n" + shortened(input));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-try");
            t.setDaemon(true);
            return t;
        });
    }

    private static String shortened(Object input) {
        String s = String.valueOf(input);
        return s.length() <= 4000 ? s : s.substring(0, 4000) + "... (" + s.length() + " chars)";
    }
}
