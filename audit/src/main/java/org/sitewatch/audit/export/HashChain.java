package org.sitewatch.audit.export;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash chain over records in order: {@code h0 = SHA-256("")}, {@code h_i = SHA-256(h_(i-1) ||
 * bytes_i)} with {@code h_(i-1)} as its 32 raw bytes and {@code bytes_i} the canonical form of record
 * i. The last value commits to every record, their number and their order: changing, removing,
 * adding or swapping any record changes it. Not thread-safe.
 */
public final class HashChain {

    public static final String DEFINITION =
            "h0 = SHA-256(empty); h_i = SHA-256(h_(i-1) as 32 bytes || canonical JSON of record i, UTF-8, no newline)";

    private final MessageDigest sha = sha256();
    private byte[] head;
    private long length;

    public HashChain() {
        head = sha.digest(new byte[0]);
    }

    public void add(byte[] record) {
        sha.update(head);
        sha.update(record);
        head = sha.digest();
        length++;
    }

    /** The current head, lower-case hex. */
    public String head() {
        return HexFormat.of().formatHex(head);
    }

    public long length() {
        return length;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM must provide SHA-256", e);
        }
    }
}
