package org.sitewatch.audit.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import org.sitewatch.audit.replay.AuditRecord;
import org.sitewatch.audit.replay.ReplayResult;

/**
 * Writes a replay's records in a format while computing what the manifest needs: the SHA-256 and
 * size of the bytes written and the hash chain over the records' canonical forms. The chain is the
 * same whatever the format, so exports of one range in several formats share it.
 */
public final class Exporter {

    private Exporter() {
    }

    /** Writes every record of {@code result}; flushes but does not close {@code target}. */
    public static ExportOutcome export(ReplayResult result, ExportFormat format, OutputStream target) throws IOException {
        return write(result.records(), format.writer(result.request()), target);
    }

    public static ExportOutcome write(Iterator<AuditRecord> records, RecordWriter writer, OutputStream target)
            throws IOException {
        DigestingStream digest = new DigestingStream(target);
        OutputStream out = new BufferedOutputStream(digest, 1 << 16);
        HashChain chain = new HashChain();
        writer.begin(out);
        while (records.hasNext()) {
            AuditRecord r = records.next();
            writer.write(r, out);
            chain.add(r.canonical());
        }
        out.flush();
        return new ExportOutcome(chain.length(), digest.count, HexFormat.of().formatHex(digest.sha.digest()), chain.head());
    }

    /** SHA-256 and byte count of everything passing through. */
    static final class DigestingStream extends FilterOutputStream {
        final MessageDigest sha = HashChain.sha256();
        long count;

        DigestingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            sha.update((byte) b);
            count++;
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sha.update(b, off, len);
            count += len;
            out.write(b, off, len);
        }
    }
}
