package org.sitewatch.audit.replay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A sorted run of records on disk: per record its sort key (event time, topic, partition, offset)
 * and canonical bytes. Private to one replay; never read by anything else.
 */
final class SpillRun {

    private SpillRun() {
    }

    /** The bytes {@link #write} takes for these records (topic names are ASCII). */
    static long sizeOf(List<AuditRecord> records) {
        long size = 0;
        for (AuditRecord r : records) {
            size += 8 + 4 + 2 + r.topic().length() + 4 + 8 + 4 + r.canonical().length;
        }
        return size;
    }

    static void write(Path file, List<AuditRecord> sorted) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            for (AuditRecord r : sorted) {
                out.writeLong(r.time().getEpochSecond());
                out.writeInt(r.time().getNano());
                out.writeUTF(r.topic());
                out.writeInt(r.partition());
                out.writeLong(r.offset());
                out.writeInt(r.canonical().length);
                out.write(r.canonical());
            }
        }
    }

    static Reader open(Path file) {
        try {
            return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a run back in order. */
    static final class Reader implements Iterator<AuditRecord>, AutoCloseable {
        private final DataInputStream in;
        private AuditRecord next;

        Reader(DataInputStream in) {
            this.in = in;
            advance();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public AuditRecord next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            AuditRecord r = next;
            advance();
            return r;
        }

        private void advance() {
            try {
                long seconds = in.readLong();
                int nanos = in.readInt();
                String topic = in.readUTF();
                int partition = in.readInt();
                long offset = in.readLong();
                byte[] canonical = new byte[in.readInt()];
                in.readFully(canonical);
                next = new AuditRecord(topic, partition, offset, Instant.ofEpochSecond(seconds, nanos), canonical, null);
            } catch (EOFException e) {
                next = null;
                close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a spilled run", e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // Closing a read-only temp file cannot lose data.
            }
        }
    }
}
