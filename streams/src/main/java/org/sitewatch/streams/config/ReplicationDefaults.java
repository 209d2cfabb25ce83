package org.sitewatch.streams.config;

/**
 * How Sitewatch replicates the topics it creates, its own ({@code sitewatch.*}, created at start-up)
 * and the Streams app's internal ones (changelogs, repartition topics), when the user did not choose:
 * <ul>
 *   <li>replication factor: 3, or the number of brokers when the cluster has fewer;</li>
 *   <li>{@code min.insync.replicas}: 2 from a replication factor of 3 (so a write survives one lost
 *       broker and the topic stays writable while one broker is down), else 1: never more than
 *       replication factor - 1, or losing a single broker would stop every write.</li>
 * </ul>
 * A replication factor of 3 or more needs 3 or more brokers, so "2 where there are 3 or more brokers"
 * and "at most replication factor - 1" come to the same rule on the replication factor alone.
 */
public final class ReplicationDefaults {

    /** The replication factor Sitewatch aims for. */
    public static final int TARGET_REPLICATION_FACTOR = 3;
    /** The {@code min.insync.replicas} Sitewatch aims for. */
    public static final int TARGET_MIN_INSYNC_REPLICAS = 2;
    /** Kafka's "the broker's {@code default.replication.factor}", accepted as a user choice. */
    public static final int BROKER_DEFAULT = -1;

    private ReplicationDefaults() {
    }

    /** min(3, brokers); at least 1. */
    public static short replicationFactor(int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("broker count must be at least 1 but was " + brokers);
        }
        return (short) Math.min(TARGET_REPLICATION_FACTOR, brokers);
    }

    /** 2 for a replication factor of 3 or more, else 1. */
    public static int minInsyncReplicas(int replicationFactor) {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1 but was " + replicationFactor);
        }
        return Math.max(1, Math.min(TARGET_MIN_INSYNC_REPLICAS, replicationFactor - 1));
    }
}
