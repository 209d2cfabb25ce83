package org.sitewatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One state change of an alert on {@link Topics#ALERTS}, keyed by {@link #fingerprint()}. Shaped like
 * Alertmanager's postable alert (labels, annotations, startsAt, endsAt, generatorURL) so delivery is a
 * plain mapping.
 *
 * <p>Labels: {@code alertname}, {@code severity} (critical, warning, info), {@code site}, and where they
 * apply {@code peer_site}, {@code cluster}, {@code host}, {@code vm}, {@code item}, {@code platform}.
 * Annotations: {@code summary}, {@code description} (with the measured values), {@code runbook_url}.
 *
 * @param fingerprint stable hash of the labels: the same condition on the same entity is the same alert
 * @param endsAt null while firing; when it resolved otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(String fingerprint, AlertState state, Map<String, String> labels, Map<String, String> annotations,
                    Instant startsAt, Instant endsAt, String generatorURL) {

    public static final String ALERTNAME = "alertname";
    public static final String SEVERITY = "severity";
    public static final String SITE = "site";

    public Alert {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(startsAt, "startsAt");
        if (!labels.containsKey(ALERTNAME) || !labels.containsKey(SEVERITY)) {
            throw new IllegalArgumentException("an alert needs the labels alertname and severity: " + labels);
        }
        labels = Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        if (fingerprint == null) {
            fingerprint = fingerprintOf(labels);
        }
    }

    /** A firing alert; the fingerprint is derived from the labels. */
    public static Alert firing(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
                               String generatorURL) {
        return new Alert(null, AlertState.FIRING, labels, annotations, startsAt, null, generatorURL);
    }

    /** The same alert, resolved at {@code at}. */
    public Alert resolved(Instant at, Map<String, String> newAnnotations) {
        return new Alert(fingerprint, AlertState.RESOLVED, labels, newAnnotations == null ? annotations : newAnnotations,
                startsAt, at, generatorURL);
    }

    public String alertname() {
        return labels.get(ALERTNAME);
    }

    public String severity() {
        return labels.get(SEVERITY);
    }

    public String site() {
        return labels.get(SITE);
    }

    /** SHA-256 over the labels sorted by name, cut to 64 bits as hex; independent of map order. */
    public static String fingerprintOf(Map<String, String> labels) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM must provide SHA-256", e);
        }
    }
}
