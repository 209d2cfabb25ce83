package org.sitewatch.alerting.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Sitewatch-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * with {@code X-Sitewatch-Timestamp: <unix seconds>}. Signing the timestamp with the body lets a
 * receiver reject replays older than a tolerance. Receivers in Java can use {@link #verify} as is;
 * {@code docs/alerting.md} shows the same check in shell.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Sitewatch-Signature";
    public static final String TIMESTAMP_HEADER = "X-Sitewatch-Timestamp";
    public static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** {@code sha256=<lower-case hex>} of HMAC-SHA256 over {@code timestamp + "." + body}. */
    public static String sign(byte[] secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    /**
     * Whether the signature is ours for this body and the timestamp is within {@code tolerance} of
     * {@code now} (either way). Compares in constant time.
     */
    public static boolean verify(byte[] secret, String timestampHeader, String signatureHeader, byte[] body,
                                 Instant now, Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
