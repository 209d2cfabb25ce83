package org.sitewatch.collectors.storage;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A command's output kept up to a byte limit. Past the limit further bytes are dropped and the
 * overflow action runs once (it stops the command: its output would be cut anyway).
 */
final class BoundedOutput extends OutputStream {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long limit;
    private final Runnable onOverflow;
    private boolean overflowed;

    BoundedOutput(long limit, Runnable onOverflow) {
        this.limit = limit;
        this.onOverflow = onOverflow;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        boolean overflowNow;
        synchronized (this) {
            long room = limit - kept.size();
            kept.write(bytes, offset, (int) Math.min(length, Math.max(0, room)));
            overflowNow = length > room && !overflowed;
            overflowed |= length > room;
        }
        if (overflowNow) {
            onOverflow.run();
        }
    }

    synchronized boolean overflowed() {
        return overflowed;
    }

    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** The first non-blank line, shortened, for an error message; empty when there is none. */
    synchronized String firstLine() {
        for (String line : text().split("\\R")) {
            if (!line.isBlank()) {
                String trimmed = line.strip();
                return trimmed.length() > 300 ? trimmed.substring(0, 300) + "..." : trimmed;
            }
        }
        return "";
    }
}
