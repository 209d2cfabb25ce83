package org.sitewatch.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Deterministic CloudEvents ids: SHA-256 over source, type, subject, observation time and the
 * canonical JSON of the data, cut to 128 bits. The same observation always gets the same id, so a
 * collector that re-sends after a crash produces duplicates the streams app can drop.
 */
public final class EventIds {

    private EventIds() {
    }

    public static String forObservation(URI source, EventType type, String subject, Instant time, EventData data) {
        MessageDigest sha = sha256();
        for (String part : new String[] {source.toString(), type.typeName(), subject, time.toString()}) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        sha.update(Json.bytes(data));
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM must provide SHA-256", e);
        }
    }
}
