package org.sitewatch.events;

/**
 * The JSON data of a Sitewatch event. Every record carries the site, the platform, the vendor's own
 * id of the entity and the vendor's raw state word, so nothing the vendor said is lost.
 */
public sealed interface EventData
        permits VmState, HaHost, HaCluster, HaAction, ReplicationStatus, CollectorHeartbeat {

    String site();

    Platform platform();

    /** The vendor's id of the entity this event is about, unique within its site and type. */
    String entityId();

    /** The vendor's own state word, unchanged (may be null when the vendor has none). */
    String vendorState();

    /** The Kafka record key: {@code <site>/<entity id>}. */
    default String key() {
        return site() + "/" + entityId();
    }
}
