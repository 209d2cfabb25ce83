package org.sitewatch.alerting.maintenance;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.sitewatch.events.JsonValueSerde;
import org.sitewatch.events.TopicSpec;

/**
 * Topics the alerting module owns, in the shape of the events module's {@code Topics} catalogue.
 * Meant to move into {@code org.sitewatch.events.Topics} (with {@link MaintenanceWindow}) and
 * {@code Topics.ALL}; until then {@link KafkaMaintenanceLog} creates it at start-up if missing.
 */
public final class AlertingTopics {

    /**
     * REST-created maintenance windows, keyed by window id, compacted: reading it from the start
     * gives every window's newest version; a tombstone deletes one. One partition: a handful of
     * records, and a single order for create / replace / delete.
     */
    public static final TopicSpec<String, MaintenanceWindow> MAINTENANCE = new TopicSpec<>("sitewatch.maintenance",
            Serdes.String(), new JsonValueSerde<>(MaintenanceWindow.class), 1,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

    public static final List<TopicSpec<?, ?>> ALL = List.of(MAINTENANCE);

    private AlertingTopics() {
    }
}
