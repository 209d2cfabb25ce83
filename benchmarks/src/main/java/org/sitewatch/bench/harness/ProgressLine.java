package org.sitewatch.bench.harness;

import java.io.PrintStream;
import java.util.Locale;

/** Progress of long steps, at most one line per second per task, so a run shows where it is. */
public final class ProgressLine {

    private final PrintStream out;

    public ProgressLine(PrintStream out) {
        this.out = out;
    }

    public Task task(String name) {
        return new Task(name);
    }

    /** One scenario's progress. */
    public final class Task {
        private final String name;
        private final long started = System.nanoTime();
        private long lastPrinted;

        private Task(String name) {
            this.name = name;
        }

        /** Reports {@code done} of {@code total} (total 0 when unknown); printed at most once a second. */
        public void update(String what, long done, long total) {
            long now = System.nanoTime();
            if (now - lastPrinted < 1_000_000_000L && done != total) {
                return;
            }
            lastPrinted = now;
            double seconds = (now - started) / 1e9;
            if (total > 0) {
                out.printf(Locale.ROOT, "[%s] %s %,d / %,d (%.0f %%), %.1f s%n", name, what, done, total, 100.0 * done / total, seconds);
            } else {
                out.printf(Locale.ROOT, "[%s] %s %,d, %.1f s%n", name, what, done, seconds);
            }
        }

        /** A one-off line. */
        public void say(String message) {
            out.printf(Locale.ROOT, "[%s] %s%n", name, message);
        }
    }
}
