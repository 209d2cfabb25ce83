package org.sitewatch.collectors.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the change detector's memory of one endpoint is checkpointed, so it survives a restart: one
 * checkpoint per entity, key {@code <collector id>/state/<CloudEvents type>/<site>/<entity id>},
 * value the entity's last published record as JSON (what a removal is later built from), deleted
 * when the entity is reported removed. Written with the events in the same transaction, so the
 * checkpoint never claims more than was published.
 *
 * <p>Limits: the whole last record is kept (a few hundred bytes per entity), not only a fingerprint:
 * a removal that happened while the collector was down must be reported with the entity's name,
 * host and cluster, which a fingerprint cannot give back. The topic is compacted, so only the
 * newest record per entity stays.
 */
final class PublishedStates {

    private static final Logger log = LoggerFactory.getLogger(PublishedStates.class);
    private static final String SEGMENT = "state/";

    private final String prefix;

    PublishedStates(String collectorId) {
        this.prefix = Checkpoints.prefixOf(collectorId) + SEGMENT;
    }

    /** The checkpoint writes that account for these published records. */
    List<CheckpointRecord> writesFor(List<? extends EventData> published) {
        List<CheckpointRecord> writes = new ArrayList<>(published.size());
        for (EventData data : published) {
            EventType type = EventType.of(data);
            if (type == EventType.HA_ACTION || type == EventType.COLLECTOR_HEARTBEAT) {
                continue;
            }
            String key = keyOf(type, data);
            writes.add(EntityRecords.isRemoval(data) ? CheckpointRecord.delete(key)
                    : CheckpointRecord.put(key, json(data)));
        }
        return writes;
    }

    /** The records last published, read back from the checkpoints; unreadable entries are logged and left out. */
    List<EventData> restore(Checkpoints checkpoints) {
        List<EventData> restored = new ArrayList<>();
        for (Map.Entry<String, String> entry : checkpoints.withPrefix(prefix).entrySet()) {
            decode(entry.getKey(), entry.getValue()).ifPresent(restored::add);
        }
        return restored;
    }

    private String keyOf(EventType type, EventData data) {
        return prefix + type.typeName() + "/" + data.key();
    }

    private Optional<EventData> decode(String key, String json) {
        String rest = key.substring(prefix.length());
        int slash = rest.indexOf('/');
        Optional<EventType> type = slash < 0 ? Optional.empty() : EventType.fromTypeName(rest.substring(0, slash));
        if (type.isEmpty()) {
            log.warn("ignoring checkpoint {}: no known event type in its key", key);
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(json, type.get().dataClass()));
        } catch (IOException | RuntimeException e) {
            log.warn("ignoring checkpoint {}: its value is not a {} ({})", key, type.get().typeName(), e.getMessage());
            return Optional.empty();
        }
    }

    private static String json(EventData data) {
        try {
            return Json.MAPPER.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + data.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
