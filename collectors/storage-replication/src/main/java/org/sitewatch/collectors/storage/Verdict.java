package org.sitewatch.collectors.storage;

import java.util.ArrayList;
import java.util.List;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;

/**
 * One state word's meaning: the replication state it implies (null when it says nothing about the
 * state, only about health), its health and, unless OK, the problem in words.
 */
record Verdict(ReplicationState state, ReplicationHealth health, String problem) {

    static final Verdict OK = new Verdict(null, ReplicationHealth.OK, null);

    static Verdict of(ReplicationState state, ReplicationHealth health, String problem) {
        return new Verdict(state, health, problem);
    }

    /** A word not in the vendor's documented list: state and health UNKNOWN, the word kept. */
    static Verdict unknownWord(String what, String word) {
        return new Verdict(ReplicationState.UNKNOWN, ReplicationHealth.UNKNOWN, what + " '" + word + "' is not a known state");
    }

    /**
     * The verdicts together: the worst health (OK &lt; UNKNOWN &lt; WARNING &lt; CRITICAL), the most
     * serious state named (FAILED, UNKNOWN, PAUSED, SYNCING, REPLICATING, NOT_CONFIGURED; REPLICATING
     * when none names one) and every problem.
     */
    static Verdict combine(List<Verdict> verdicts) {
        ReplicationState state = null;
        ReplicationHealth health = ReplicationHealth.OK;
        List<String> problems = new ArrayList<>();
        for (Verdict v : verdicts) {
            if (v.state != null && (state == null || stateRank(v.state) > stateRank(state))) {
                state = v.state;
            }
            if (healthRank(v.health) > healthRank(health)) {
                health = v.health;
            }
            if (v.problem != null && !problems.contains(v.problem)) {
                problems.add(v.problem);
            }
        }
        return new Verdict(state == null ? ReplicationState.REPLICATING : state, health,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    static int healthRank(ReplicationHealth h) {
        return switch (h) {
            case OK -> 0;
            case UNKNOWN -> 1;
            case WARNING -> 2;
            case CRITICAL -> 3;
        };
    }

    private static int stateRank(ReplicationState s) {
        return switch (s) {
            case NOT_CONFIGURED -> 0;
            case REPLICATING -> 1;
            case SYNCING -> 2;
            case PAUSED -> 3;
            case FAILED_OVER -> 4;
            case UNKNOWN -> 5;
            case FAILED -> 6;
        };
    }
}
