package org.sitewatch.audit.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.ReplayRequest;

/**
 * The export formats of a replay: JSON Lines (one canonical CloudEvent-like object per line,
 * lossless), CSV (a fixed header, one row per event, the JSON data in the last column, lossless) and
 * a human-readable timeline (one line per event, not meant for machines).
 */
public enum ExportFormat {
    JSONL("jsonl", "application/x-ndjson"),
    CSV("csv", "text/csv"),
    TIMELINE("timeline", "text/plain");

    private final String word;
    private final String mediaType;

    ExportFormat(String word, String mediaType) {
        this.word = word;
        this.mediaType = mediaType;
    }

    public String word() {
        return word;
    }

    public String mediaType() {
        return mediaType;
    }

    public RecordWriter writer(ReplayRequest request) {
        switch (this) {
            case JSONL: return new JsonLinesWriter();
            case CSV: return new CsvWriter();
            default: return new TimelineWriter(request);
        }
    }

    /** @throws AuditException BAD_REQUEST listing the formats */
    public static ExportFormat parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.word.equals(t) || (f == JSONL && (t.equals("ndjson") || t.equals("json")))) {
                return f;
            }
        }
        throw new AuditException(AuditException.Kind.BAD_REQUEST, "unknown format '" + text + "': use "
                + Arrays.stream(values()).map(ExportFormat::word).collect(Collectors.joining(", ")));
    }
}
