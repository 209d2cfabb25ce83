package org.sitewatch.bench.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A process's memory as Linux reports it in {@code /proc/<pid>/status}.
 *
 * @param rssBytes resident set size now ({@code VmRSS})
 * @param peakRssBytes the highest resident set size since the process started ({@code VmHWM})
 */
public record ProcessMemory(long rssBytes, long peakRssBytes) {

    public static final ProcessMemory UNKNOWN = new ProcessMemory(0, 0);

    /** The process's memory; {@link #UNKNOWN} once it has exited. */
    public static ProcessMemory of(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (NoSuchFileException e) {
            return UNKNOWN;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of process " + pid, e);
        }
    }

    static ProcessMemory parse(String status) {
        return new ProcessMemory(kilobytes(status, "VmRSS:") * 1024, kilobytes(status, "VmHWM:") * 1024);
    }

    public double peakRssMb() {
        return peakRssBytes / (1024.0 * 1024.0);
    }

    public double rssMb() {
        return rssBytes / (1024.0 * 1024.0);
    }

    /** The larger of both readings, field by field: the peak over several readings of one process's life. */
    public ProcessMemory max(ProcessMemory other) {
        return new ProcessMemory(Math.max(rssBytes, other.rssBytes), Math.max(peakRssBytes, other.peakRssBytes));
    }

    private static long kilobytes(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                // "VmRSS:	  123456 kB"
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }
}
