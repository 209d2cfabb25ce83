package org.sitewatch.audit.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Puts a replay's records in event-time order ({@link AuditRecord#EVENT_TIME_ORDER}), whatever order
 * they arrived in. Kafka keeps each partition in arrival order, so an event that arrived late sits
 * after newer ones; a merge of partition heads alone would emit it out of order. This is a bounded
 * external sort instead: up to {@code bufferRecords} records are held (canonical form only) and
 * sorted in memory; beyond that, sorted runs are spilled to temporary files and merged at the end.
 *
 * <p>Memory bound: {@code bufferRecords} x (canonical size + ~100 bytes), e.g. 100,000 records of
 * ~700 bytes, about 80 MB. Disk: the matching records once more, in the temp directory, deleted on
 * {@link #close}, and never more than its {@link SpillBudget} allows (a run that does not fit is not
 * written). A replay that fits the buffer never touches the disk.
 */
public final class TimeMerge implements AutoCloseable {

    public static final int DEFAULT_BUFFER_RECORDS = 100_000;

    private final int bufferRecords;
    private final Path tempDir;
    private final SpillBudget spill;
    private final List<AuditRecord> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<SpillRun.Reader> readers = new ArrayList<>();
    private long size;
    private long spilledBytes;
    private boolean sorted;

    /** @param tempDir where runs are spilled; null: the JVM's temp directory */
    public TimeMerge(int bufferRecords, Path tempDir) {
        this(bufferRecords, tempDir, SpillBudget.UNLIMITED);
    }

    /** @param spill the disk the runs may take; the sort fails rather than write beyond it */
    public TimeMerge(int bufferRecords, Path tempDir, SpillBudget spill) {
        if (bufferRecords < 1) {
            throw new IllegalArgumentException("bufferRecords must be at least 1");
        }
        this.bufferRecords = bufferRecords;
        this.tempDir = tempDir;
        this.spill = spill;
    }

    public void add(AuditRecord record) {
        if (sorted) {
            throw new IllegalStateException("records were already taken out");
        }
        buffer.add(record.compact());
        size++;
        if (buffer.size() >= bufferRecords) {
            spill();
        }
    }

    public long size() {
        return size;
    }

    /** Sorted runs written to disk so far. */
    public int spilledRuns() {
        return runs.size();
    }

    /** All records in event-time order; call once, after the last {@link #add}. */
    public Iterator<AuditRecord> sorted() {
        if (sorted) {
            throw new IllegalStateException("sorted() may be called once");
        }
        sorted = true;
        buffer.sort(AuditRecord.EVENT_TIME_ORDER);
        if (runs.isEmpty()) {
            return buffer.iterator();
        }
        List<Iterator<AuditRecord>> sources = new ArrayList<>();
        sources.add(buffer.iterator());
        for (Path run : runs) {
            SpillRun.Reader reader = SpillRun.open(run);
            readers.add(reader);
            sources.add(reader);
        }
        return new Merge(sources);
    }

    /** Bytes of sorted runs on disk now. */
    public long spilledBytes() {
        return spilledBytes;
    }

    private void spill() {
        buffer.sort(AuditRecord.EVENT_TIME_ORDER);
        long bytes = SpillRun.sizeOf(buffer);
        spill.reserve(bytes);
        spilledBytes += bytes;
        try {
            Path file = tempDir == null ? Files.createTempFile("sitewatch-replay-", ".run")
                    : Files.createTempFile(tempDir, "sitewatch-replay-", ".run");
            runs.add(file);
            SpillRun.write(file, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill sorted records to a temporary file", e);
        }
        buffer.clear();
    }

    /** Deletes the runs and gives their disk back to the budget; safe to call more than once. */
    @Override
    public void close() {
        readers.forEach(SpillRun.Reader::close);
        readers.clear();
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                // A leftover temp file is harmless; the replay itself succeeded.
            }
        }
        runs.clear();
        spill.release(spilledBytes);
        spilledBytes = 0;
        buffer.clear();
    }

    /** k-way merge of sorted sources by their heads. */
    private static final class Merge implements Iterator<AuditRecord> {
        private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing((Head h) -> h.record,
                AuditRecord.EVENT_TIME_ORDER));

        Merge(List<Iterator<AuditRecord>> sources) {
            for (Iterator<AuditRecord> s : sources) {
                if (s.hasNext()) {
                    heads.add(new Head(s.next(), s));
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public AuditRecord next() {
            Head h = heads.poll();
            if (h == null) {
                throw new NoSuchElementException();
            }
            if (h.source.hasNext()) {
                heads.add(new Head(h.source.next(), h.source));
            }
            return h.record;
        }
    }

    private record Head(AuditRecord record, Iterator<AuditRecord> source) {
    }
}
