package org.sitewatch.audit.export;

/**
 * What was written: the number of records, the bytes and their SHA-256, and the hash chain's head.
 */
public record ExportOutcome(long records, long bytes, String sha256, String chainHead) {
}
