package org.sitewatch.streams.topology;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.core.fold.EventIdentity;

/**
 * Drops an event whose CloudEvent identity (source + id) was seen within the retention, measured in
 * record (event) time. A re-sent event always has the same key as the original, so it lands on the
 * same partition and this task-local check is enough. Duplicates older than the retention get
 * through but are harmless: the entity fold ignores an event it already holds or that is older.
 */
final class DedupeProcessor implements Processor<String, SitewatchEvent, String, SitewatchEvent> {

    private final long retentionMs;
    private ProcessorContext<String, SitewatchEvent> context;
    private WindowStore<String, Long> seen;

    DedupeProcessor(Duration retention) {
        this.retentionMs = retention.toMillis();
    }

    @Override
    public void init(ProcessorContext<String, SitewatchEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(StoreNames.EVENT_IDS);
    }

    @Override
    public void process(Record<String, SitewatchEvent> record) {
        if (record.value() == null) {
            return;
        }
        String identity = EventIdentity.of(record.value());
        long ts = record.timestamp();
        try (WindowStoreIterator<Long> earlier = seen.fetch(identity, Math.max(0, ts - retentionMs), ts + retentionMs)) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(identity, ts, ts);
        context.forward(record);
    }
}
