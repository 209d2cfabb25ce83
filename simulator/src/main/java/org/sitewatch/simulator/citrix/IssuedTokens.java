package org.sitewatch.simulator.citrix;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer tokens the simulated token endpoint handed out, each for one customer (cluster) until
 * its expiry; expiry is wall-clock time, as the client measures a token's {@code expires_in}.
 */
final class IssuedTokens {

    /** Why the Monitor Service refuses a token. */
    enum Verdict { VALID, INVALID, EXPIRED }

    private record Issued(String cluster, Instant expires) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    String issue(String cluster, Duration lifetime) {
        Instant now = Instant.now();
        issued.values().removeIf(t -> t.expires().plus(Duration.ofHours(1)).isBefore(now));
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "CWS." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.put(token, new Issued(cluster, now.plus(lifetime)));
        return token;
    }

    Verdict check(String cluster, String token) {
        Issued t = token == null ? null : issued.get(token);
        if (t == null || !t.cluster().equals(cluster)) {
            return Verdict.INVALID;
        }
        return Instant.now().isBefore(t.expires()) ? Verdict.VALID : Verdict.EXPIRED;
    }
}
