package org.sitewatch.collectors.hyperv;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test failovers each Hyper-V endpoint of one runtime last saw as a replica side, so the
 * endpoint of the primary can use them: a test failover is only visible on the replica host
 * (its {@code -TestReplicaVM} or {@code LastTestFailoverInitiatedTime}), which is usually another
 * site's cluster and so another endpoint. What one endpoint posts reaches the others at their next
 * poll; endpoints in another runtime (another Sitewatch instance) are not seen.
 */
final class TestFailoverBoard {

    private final Map<String, Map<String, Instant>> byEndpoint = new ConcurrentHashMap<>();

    /** Replaces what {@code endpointId} showed with its latest poll's evidence, by VM id. */
    void post(String endpointId, Map<String, Instant> evidence) {
        byEndpoint.put(endpointId, Map.copyOf(evidence));
    }

    /** The latest test failover per VM id that any endpoint but {@code endpointId} showed. */
    Map<String, Instant> seenByOthers(String endpointId) {
        Map<String, Instant> merged = new HashMap<>();
        byEndpoint.forEach((id, evidence) -> {
            if (!id.equals(endpointId)) {
                evidence.forEach((vm, time) -> merged.merge(vm, time, (a, b) -> a.isAfter(b) ? a : b));
            }
        });
        return merged;
    }
}
