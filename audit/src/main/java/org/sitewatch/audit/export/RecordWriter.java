package org.sitewatch.audit.export;

import java.io.IOException;
import java.io.OutputStream;
import org.sitewatch.audit.replay.AuditRecord;

/**
 * Writes replayed records in one export format. Output must depend only on the records and the
 * replay's parameters (never on the clock), so a verification can render it again and compare.
 */
public interface RecordWriter {

    /** Written before the first record (a header line), or nothing. */
    default void begin(OutputStream out) throws IOException {
    }

    void write(AuditRecord record, OutputStream out) throws IOException;
}
