package org.sitewatch.bench.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Relative weights of the change kinds: a kind of weight 30 happens three times as often as one of
 * weight 10. Only the ratios matter.
 */
public record ChangeMix(int power, int lag, int hostFailure, int replicationFailure, int vmRemoval, int haAction,
                        int heartbeat) {

    /**
     * What a quiet estate of Proxmox sites mostly sends: heartbeats (one per collector poll) and
     * replication lag updates (one per synced job) dominate; faults, removals and HA actions are
     * rare. An assumption chosen for the benchmark, not a measurement of a real estate.
     */
    public static final ChangeMix TYPICAL = new ChangeMix(12, 40, 2, 4, 2, 5, 35);

    public ChangeMix {
        for (int weight : new int[] {power, lag, hostFailure, replicationFailure, vmRemoval, haAction, heartbeat}) {
            if (weight < 0) {
                throw new IllegalArgumentException("change weights may not be negative: " + this);
            }
        }
    }

    public int weight(ChangeKind kind) {
        return switch (kind) {
            case POWER -> power;
            case LAG -> lag;
            case HOST_FAILURE -> hostFailure;
            case REPLICATION_FAILURE -> replicationFailure;
            case VM_REMOVAL -> vmRemoval;
            case HA_ACTION -> haAction;
            case HEARTBEAT -> heartbeat;
        };
    }

    public int totalWeight() {
        return power + lag + hostFailure + replicationFailure + vmRemoval + haAction + heartbeat;
    }

    /** The same mix with one kind's weight replaced (0 switches the kind off). */
    public ChangeMix with(ChangeKind kind, int weight) {
        Map<ChangeKind, Integer> weights = new EnumMap<>(ChangeKind.class);
        for (ChangeKind k : ChangeKind.values()) {
            weights.put(k, weight(k));
        }
        weights.put(kind, weight);
        return new ChangeMix(weights.get(ChangeKind.POWER), weights.get(ChangeKind.LAG), weights.get(ChangeKind.HOST_FAILURE),
                weights.get(ChangeKind.REPLICATION_FAILURE), weights.get(ChangeKind.VM_REMOVAL),
                weights.get(ChangeKind.HA_ACTION), weights.get(ChangeKind.HEARTBEAT));
    }

    /** The share of {@code kind} among all changes, 0..1. */
    public double share(ChangeKind kind) {
        return totalWeight() == 0 ? 0 : (double) weight(kind) / totalWeight();
    }

    /** A kind drawn by weight. */
    ChangeKind pick(SplittableRandom random) {
        int draw = random.nextInt(totalWeight());
        for (ChangeKind kind : ChangeKind.values()) {
            draw -= weight(kind);
            if (draw < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }
}
