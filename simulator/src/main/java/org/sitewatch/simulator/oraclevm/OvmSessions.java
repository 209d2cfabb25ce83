package org.sitewatch.simulator.oraclevm;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.sitewatch.simulator.engine.ClusterState;

/**
 * The manager's web sessions (the {@code JSESSIONID} cookie a Basic login answers), per running
 * cluster: the only memory the front keeps beside the engine's model. Keyed by the engine's state
 * object, so sessions live and go with their simulator. A session idle longer than the manager's
 * session time-out (on the scenario's clock) is gone; at most {@value #MAX_SESSIONS} per manager are
 * kept, the least recently used one dropped first. Callers hold the engine's lock (see
 * {@code FrontExchange.read}); the maps are synchronized anyway.
 */
final class OvmSessions {

    static final int MAX_SESSIONS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<ClusterState, OvmSessions> BY_CLUSTER = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, Instant> lastUsed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    static OvmSessions of(ClusterState cluster) {
        return BY_CLUSTER.computeIfAbsent(cluster, c -> new OvmSessions());
    }

    /** A new session's id. */
    synchronized String open(Instant now) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes).toUpperCase();
        lastUsed.put(id, now);
        return id;
    }

    /** Whether the session exists and has not idled out; using it keeps it alive. */
    synchronized boolean touch(String id, Instant now, Duration timeout) {
        Instant last = id == null ? null : lastUsed.get(id);
        if (last == null) {
            return false;
        }
        if (Duration.between(last, now).compareTo(timeout) > 0) {
            lastUsed.remove(id);
            return false;
        }
        lastUsed.put(id, now);
        return true;
    }

    /** Ends every session (the manager rejecting logins, as after a restart or a credential change). */
    synchronized void dropAll() {
        lastUsed.clear();
    }

    synchronized int size() {
        return lastUsed.size();
    }
}
