package org.sitewatch.streams.topology;

import org.sitewatch.core.fold.EntityKind;

/**
 * Names of the topology's state stores, repartition topic and processors. They are part of the
 * application's persistent identity: a store's changelog topic is {@code <application.id>-<store>-changelog}
 * and the repartition topics {@code <application.id>-site-deltas-repartition} and
 * {@code <application.id>-pair-deltas-repartition}. Renaming one loses its
 * state (a reset is needed), so they are constants and an approved {@code topology.describe()} text
 * guards them in the tests.
 */
public final class StoreNames {

    /** Window store of CloudEvent identities seen recently, for de-duplication. */
    public static final String EVENT_IDS = "event-ids";
    public static final String VM_STATE = "vm-state";
    public static final String HA_HOST_STATE = "ha-host-state";
    public static final String HA_CLUSTER_STATE = "ha-cluster-state";
    public static final String REPLICATION_STATE = "replication-state";
    public static final String COLLECTOR_STATE = "collector-state";
    /** Deadline index: {@code <zero-padded epoch millis>|<entity key>} to entity key. */
    public static final String RPO_DEADLINES = "rpo-deadlines";
    /** Site name to its {@link org.sitewatch.core.fold.SiteAggregate}. */
    public static final String SITE_AGGREGATES = "site-aggregates";
    /** Last recovery points of each site's items ({@link IndexKeys}), next to the site aggregates. */
    public static final String SITE_LAG_INDEX = "site-lag-index";
    /** Site name to the {@link org.sitewatch.events.SiteHealthView} last sent to the site-health topic. */
    public static final String SITE_HEALTH_PUBLISHED = "site-health-published";
    /** Pair key ({@code <source>-><target>}) to its {@link org.sitewatch.core.fold.PairAggregate}. */
    public static final String PAIR_AGGREGATES = "pair-aggregates";
    /** Last recovery points and test failovers of each pair's items ({@link IndexKeys}). */
    public static final String PAIR_INDEX = "pair-index";

    /** Per rule and entity ({@code <rule>|<entity key>}): the {@link org.sitewatch.core.alerts.AlertMemory}. */
    public static final String ALERT_STATE = "alert-state";
    /** Deadline index of the alert rules: {@code <kind>|<zero-padded epoch millis>|<rule>|<entity key>} to the alert-state key. */
    public static final String ALERT_DEADLINES = "alert-deadlines";
    /** Per rule and site ({@code <rule>|<site>}): the memory of SiteDegraded / SiteCritical. */
    public static final String SITE_ALERT_STATE = "site-alert-state";
    /** Deadline index of the site alerts' resolve hold, as {@link #ALERT_DEADLINES} with group {@code site}. */
    public static final String SITE_ALERT_DEADLINES = "site-alert-deadlines";

    /** Repartition topic carrying entity changes keyed by site to the site aggregator. */
    public static final String SITE_DELTAS = "site-deltas";
    /** Repartition topic carrying replicated items' changes keyed by pair to the pair aggregator. */
    public static final String PAIR_DELTAS = "pair-deltas";

    public static final String DEDUPE_PROCESSOR = "dedupe";
    public static final String SPLIT_BY_TYPE = "by-type-";
    public static final String SITE_AGGREGATOR = "site-aggregator";
    public static final String PAIR_AGGREGATOR = "pair-aggregator";
    public static final String REPLICATION_TO_PAIRS = "replication-to-pairs";
    public static final String SITE_HEALTH_SINK = "site-health-sink";
    public static final String HA_ACTION_ALERTS = "ha-action-alerts";
    public static final String SITE_ALERTS = "site-alerts";
    public static final String MERGE_ALERTS = "merge-alerts";
    public static final String ALERTS_SINK = "alerts-sink";
    public static final String SITE_ALERTS_SINK = "site-alerts-sink";

    private StoreNames() {
    }

    /** The latest-state store of an entity kind. */
    public static String forKind(EntityKind kind) {
        return switch (kind) {
            case VM -> VM_STATE;
            case HA_HOST -> HA_HOST_STATE;
            case HA_CLUSTER -> HA_CLUSTER_STATE;
            case REPLICATION -> REPLICATION_STATE;
            case COLLECTOR -> COLLECTOR_STATE;
        };
    }

    /** Short lower-case name of a kind, used in processor names ({@code vm-fold}, ...). */
    public static String shortName(EntityKind kind) {
        return forKind(kind).substring(0, forKind(kind).length() - "-state".length());
    }
}
