package org.sitewatch.simulator.azure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens the simulated token endpoint issues and ARM checks, without server-side state: a
 * token carries its vault and expiry and a MAC keyed by the vault's client secret, so a token of
 * another vault, a forged one or an expired one is refused. Expiry is wall-clock time, as the
 * client's token cache measures it.
 */
final class AccessTokens {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** Why ARM refuses a token, as ARM's error codes say it. */
    enum Verdict { VALID, INVALID, EXPIRED }

    private AccessTokens() {
    }

    static String issue(VaultSettings vault, Instant expires) {
        String payload = ENCODE.encodeToString((vault.vaultPath() + "|" + expires.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + mac(vault, payload);
    }

    static Verdict check(VaultSettings vault, String token, Instant now) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1) {
            return Verdict.INVALID;
        }
        String payload = token.substring(0, dot);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, mac(vault, payload).getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.INVALID;
        }
        String[] parts;
        try {
            parts = new String(DECODE.decode(payload), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            return Verdict.INVALID;
        }
        if (parts.length != 2 || !parts[0].equals(vault.vaultPath())) {
            return Verdict.INVALID;
        }
        return now.toEpochMilli() < Long.parseLong(parts[1]) ? Verdict.VALID : Verdict.EXPIRED;
    }

    private static String mac(VaultSettings vault, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(vault.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return ENCODE.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
