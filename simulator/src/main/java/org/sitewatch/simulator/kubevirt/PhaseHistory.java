package org.sitewatch.simulator.kubevirt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;

/** An object's phase and its {@code phaseTransitionTimestamps}, as KubeVirt keeps them on VMIs and VMIMs. */
final class PhaseHistory {

    private final ArrayNode transitions = Json.array();
    private String current;

    String current() {
        return current;
    }

    boolean is(String phase) {
        return phase.equals(current);
    }

    /** Moves to {@code phase} at {@code at}; true when that is a change. */
    boolean moveTo(String phase, Instant at) {
        if (phase.equals(current)) {
            return false;
        }
        current = phase;
        transitions.addObject().put("phase", phase).put("phaseTransitionTimestamp", Json.time(at));
        return true;
    }

    ArrayNode transitions() {
        return transitions.deepCopy();
    }
}
