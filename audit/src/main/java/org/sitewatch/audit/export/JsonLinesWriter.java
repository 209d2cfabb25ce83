package org.sitewatch.audit.export;

import java.io.IOException;
import java.io.OutputStream;
import org.sitewatch.audit.replay.AuditRecord;

/** JSON Lines: each record's canonical form, one per line ({@code \n}). */
final class JsonLinesWriter implements RecordWriter {

    @Override
    public void write(AuditRecord record, OutputStream out) throws IOException {
        out.write(record.canonical());
        out.write('\n');
    }
}
