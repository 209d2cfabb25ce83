package org.sitewatch.audit.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.sitewatch.audit.kafka.ProgressListener;

/**
 * Progress of a read on stderr: records read, percent of the planned offsets (the range), rate and
 * time left. On a terminal it redraws one line ({@code \r}) at most five times a second; otherwise it
 * prints a plain line at most every ten seconds, so logs stay short.
 */
final class ProgressBar implements ProgressListener {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LINE_NANOS = 10_000_000_000L;

    private final PrintStream err;
    private final boolean interactive;
    private final String label;
    private long total;
    private long startedAt;
    private long lastShown;
    private int lastWidth;

    ProgressBar(PrintStream err, boolean interactive, String label) {
        this.err = err;
        this.interactive = interactive;
        this.label = label;
    }

    @Override
    public void started(long totalOffsets) {
        total = totalOffsets;
        startedAt = System.nanoTime();
        lastShown = startedAt;
    }

    @Override
    public void advanced(long offsetsRead, long records) {
        long now = System.nanoTime();
        if (now - lastShown < (interactive ? REDRAW_NANOS : LINE_NANOS)) {
            return;
        }
        lastShown = now;
        String line = line(offsetsRead, records, now);
        if (interactive) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public void finished(long offsetsRead, long records) {
        if (interactive && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }

    String line(long offsetsRead, long records, long now) {
        double seconds = Math.max(1e-3, (now - startedAt) / 1e9);
        double rate = offsetsRead / seconds;
        int percent = total == 0 ? 100 : (int) Math.min(100, offsetsRead * 100 / total);
        long left = rate <= 0 ? -1 : (long) ((total - offsetsRead) / rate);
        return String.format(Locale.ROOT, "%s %s %,d records  %3d%% of range  %,.0f rec/s  ETA %s", label, bar(percent),
                records, percent, records / seconds, left < 0 ? "?" : left / 60 + ":" + String.format(Locale.ROOT, "%02d", left % 60));
    }

    private static String bar(int percent) {
        int filled = percent / 5;
        return "[" + "#".repeat(filled) + "-".repeat(20 - filled) + "]";
    }
}
