package org.sitewatch.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalogue of every topic Sitewatch reads or writes. Code never names a topic with a bare
 * string: it takes the {@link TopicSpec} from here, with its serdes. Topics are created on purpose
 * at start-up by {@link TopicProvisioner}, never by broker auto-creation.
 *
 * <p>Raw event topics are the source of truth for audits, so they keep records by time (default 400
 * days, see {@link #RAW_RETENTION}) rather than compacting them.
 */
public final class Topics {

    /** How long raw events are kept for audit replay. */
    public static final Duration RAW_RETENTION = Duration.ofDays(400);

    /** Raw topics are keyed {@code <site>/<entity id>} and partitioned by that key. */
    public static final int RAW_PARTITIONS = 6;

    public static final TopicSpec<String, SitewatchEvent> VM = raw("sitewatch.vm");
    public static final TopicSpec<String, SitewatchEvent> HA = raw("sitewatch.ha");
    public static final TopicSpec<String, SitewatchEvent> REPLICATION = raw("sitewatch.replication");
    public static final TopicSpec<String, SitewatchEvent> COLLECTOR = raw("sitewatch.collector");

    /** Records the streams app could not read or validate, unchanged, with the reason in headers. */
    public static final TopicSpec<byte[], byte[]> DLQ = new TopicSpec<>("sitewatch.dlq",
            Serdes.ByteArray(), Serdes.ByteArray(), 1,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(30).toMillis())));

    /**
     * Each site's newest health view ({@link SiteHealthView}), keyed by site and compacted: a consumer
     * that reads it from the start gets every site's current verdict. Written by the streams app only
     * when a verdict (or, at most once per punctuation, a count) changes.
     */
    public static final TopicSpec<String, SiteHealthView> SITE_HEALTH = new TopicSpec<>("sitewatch.site-health",
            Serdes.String(), new JsonValueSerde<>(SiteHealthView.class), RAW_PARTITIONS,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

    /**
     * Alert lifecycle records ({@link Alert}), keyed by fingerprint: one when an alert starts firing,
     * one when it resolves. Compacted, so a dispatcher that starts over reads every alert's newest state;
     * superseded records are kept as long as raw events ({@code min.compaction.lag.ms}), so an audit can
     * still tell which alerts were firing at an instant of that period.
     */
    public static final TopicSpec<String, Alert> ALERTS = new TopicSpec<>("sitewatch.alerts",
            Serdes.String(), new JsonValueSerde<>(Alert.class), 3,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(RAW_RETENTION.toMillis())));

    /**
     * The alert dispatcher's own delivery bookkeeping: key {@code <consumer group>/<fingerprint>}, value
     * the alerting module's JSON record of that alert's delivery state (newest alert, what each target
     * is still owed, the {@link #ALERTS} offset last applied); a tombstone when the alert is forgotten.
     * Compacted without lag, so a dispatcher that starts over reads about one record per alert, however
     * long {@link #ALERTS} keeps its history. Partition p holds the state of {@link #ALERTS}' partition p,
     * so it needs at least as many partitions. Hourly segments let compaction keep up with frequent writes.
     */
    public static final TopicSpec<String, byte[]> ALERT_DISPATCH = new TopicSpec<>("sitewatch.alert-dispatch",
            Serdes.String(), Serdes.ByteArray(), ALERTS.partitions(),
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.SEGMENT_MS_CONFIG, Long.toString(Duration.ofHours(1).toMillis())));

    /**
     * The collectors' checkpoints: key {@code <collector id>/<key>}, a small UTF-8 value (an event
     * history cursor, the last published state of an entity); a null value deletes the key. Compacted,
     * so a collector that starts reads every endpoint's newest checkpoints to the end before any
     * source starts. Written in the same Kafka transaction as the events they account for.
     */
    public static final TopicSpec<String, String> COLLECTOR_CHECKPOINTS = new TopicSpec<>(
            "sitewatch.collector-checkpoints", Serdes.String(), Serdes.String(), 3,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

    /**
     * Maintenance windows declared over the REST API ({@link MaintenanceWindow}), keyed by window id,
     * compacted: reading it from the start gives every window's newest version; a tombstone deletes
     * one. One partition: a handful of records, and a single order for create / replace / delete.
     */
    public static final TopicSpec<String, MaintenanceWindow> MAINTENANCE = new TopicSpec<>("sitewatch.maintenance",
            Serdes.String(), new JsonValueSerde<>(MaintenanceWindow.class), 1,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

    /** The raw event topics, in the order collectors and replays list them. */
    public static final List<TopicSpec<String, SitewatchEvent>> RAW = List.of(VM, HA, REPLICATION, COLLECTOR);

    /** Every topic that must exist before collectors or the streams app start. */
    public static final List<TopicSpec<?, ?>> ALL = List.of(VM, HA, REPLICATION, COLLECTOR, DLQ, SITE_HEALTH, ALERTS,
            ALERT_DISPATCH, MAINTENANCE, COLLECTOR_CHECKPOINTS);

    private Topics() {
    }

    private static TopicSpec<String, SitewatchEvent> raw(String name) {
        return new TopicSpec<>(name, Serdes.String(), new CloudEventSerde(), RAW_PARTITIONS,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(RAW_RETENTION.toMillis()),
                        // Event time, as the collector stamped it, drives retention and offsetsForTimes.
                        TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime"));
    }
}
