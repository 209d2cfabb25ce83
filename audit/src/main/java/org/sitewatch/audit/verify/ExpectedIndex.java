package org.sitewatch.audit.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The units an export should have, in order, as key and a 128-bit SHA-256 prefix of the text (texts
 * themselves stay in the rendered file; the few needed for a report are read back). Memory: about
 * 100 bytes per record.
 */
final class ExpectedIndex {

    private final List<String> keys = new ArrayList<>();
    private final List<byte[]> hashes = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final MessageDigest sha;

    ExpectedIndex() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM must provide SHA-256", e);
        }
    }

    void add(Unit unit) {
        positions.putIfAbsent(unit.key(), keys.size());
        keys.add(unit.key());
        hashes.add(hash(unit.text()));
    }

    int size() {
        return keys.size();
    }

    /** The position of a key, or -1. */
    int positionOf(String key) {
        Integer p = positions.get(key);
        return p == null ? -1 : p;
    }

    String key(int position) {
        return keys.get(position);
    }

    boolean sameText(int position, String text) {
        return Arrays.equals(hashes.get(position), hash(text));
    }

    byte[] hash(String text) {
        return Arrays.copyOf(sha.digest(text.getBytes(StandardCharsets.UTF_8)), 16);
    }
}
