package org.sitewatch.streams.topology;

import org.sitewatch.streams.fold.EntityKind;

/**
 * Names of the topology's state stores, repartition topic and processors. They are part of the
 * application's persistent identity: a store's changelog topic is {@code <application.id>-<store>-changelog}
 * and the repartition topic {@code <application.id>-site-deltas-repartition}. Renaming one loses its
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
    /** Site name to its {@link org.sitewatch.streams.fold.SiteAggregate}. */
    public static final String SITE_AGGREGATES = "site-aggregates";

    /** Repartition topic carrying entity changes keyed by site to the site aggregator. */
    public static final String SITE_DELTAS = "site-deltas";

    public static final String DEDUPE_PROCESSOR = "dedupe";
    public static final String SPLIT_BY_TYPE = "by-type-";
    public static final String SITE_AGGREGATOR = "site-aggregator";

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
