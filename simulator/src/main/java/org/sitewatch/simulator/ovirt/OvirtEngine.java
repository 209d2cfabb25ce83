package org.sitewatch.simulator.ovirt;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sitewatch.simulator.engine.ClusterState;

/**
 * What one simulated oVirt engine keeps beside the vendor-neutral model: the SSO tokens it issued
 * (each accepted until its expiry on the simulation's clock) and its event list, brought up to date
 * by {@link #observe}. Used under the engine's lock only.
 */
final class OvirtEngine {

    /** Index of the newest event at start: an engine that has run for a while has history. */
    static final long FIRST_INDEX = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OvirtEventLog events = new OvirtEventLog(FIRST_INDEX);
    private final OvirtEventDeriver deriver;
    private final Map<String, Instant> tokens = new HashMap<>();

    OvirtEngine(OvirtNames names) {
        this.deriver = new OvirtEventDeriver(names);
    }

    void observe(ClusterState cluster, Instant now) {
        deriver.observe(cluster, now).forEach(events::add);
    }

    String issueToken(Instant expires) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        tokens.put(token, expires);
        return token;
    }

    /** Whether {@code token} was issued here and has not expired at {@code now}; expired ones are forgotten. */
    boolean accepts(String token, Instant now) {
        for (Iterator<Map.Entry<String, Instant>> it = tokens.entrySet().iterator(); it.hasNext(); ) {
            if (!it.next().getValue().isAfter(now)) {
                it.remove();
            }
        }
        return token != null && tokens.containsKey(token);
    }

    List<OvirtEvent> events(Long from, Integer max) {
        return events.list(from, max);
    }
}
