package org.sitewatch.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Bearer tokens as Sitewatch stores them: only the SHA-256 of a high-entropy token is kept (a fast
 * hash is enough for 256 random bits, unlike passwords), compared in constant time.
 */
public final class TokenHash {

    /** What a stored hash looks like: 64 hex digits. */
    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** Shortest token accepted from a file: anything shorter is guessable. */
    static final int MIN_TOKEN_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHash() {
    }

    /** SHA-256 of the token's UTF-8 bytes. */
    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The hex form written in configuration ({@code printf %s "$TOKEN" | sha256sum}). */
    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /** Constant-time comparison of two hashes. */
    static boolean matches(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    /** A new token: 32 random bytes, base64url without padding (43 characters, valid in a Bearer header). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
