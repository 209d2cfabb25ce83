package org.sitewatch.streams.topology;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitewatch.events.EventData;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.core.fold.EntityFold;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.FoldResult;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.SiteDelta;

/**
 * Folds events of one entity kind into its latest-state store ({@link EntityFold}) and forwards,
 * keyed by site, the change of the entity's contribution. The store is keyed by the event's own
 * {@code <site>/<entity id>}, which is also the record key in the contract. "Now" is the stream
 * thread's wall clock, so a replay that wants the same result passes the same instant.
 */
class EntityFoldProcessor<D extends EventData> implements Processor<String, SitewatchEvent, String, SiteDelta> {

    protected final EntityKind kind;
    protected final HealthRules rules;
    protected ProcessorContext<String, SiteDelta> context;
    protected KeyValueStore<String, EntityRecord<D>> store;

    EntityFoldProcessor(EntityKind kind, HealthRules rules) {
        this.kind = kind;
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, SiteDelta> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.forKind(kind));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Record<String, SitewatchEvent> record) {
        SitewatchEvent event = record.value();
        String key = event.key();
        EntityRecord<D> current = store.get(key);
        FoldResult<D> result = EntityFold.apply(current, event, (Class<D>) kind.dataType(), now(), rules);
        if (!result.changed()) {
            return;
        }
        store.put(key, result.record());
        afterChange(key, current, result.record());
        forward(result.delta(), record.timestamp());
    }

    /** Hook for kinds that index their state further (replication deadlines). */
    protected void afterChange(String key, EntityRecord<D> before, EntityRecord<D> after) {
    }

    protected void forward(SiteDelta delta, long timestamp) {
        if (delta != null) {
            // A fresh record: the CloudEvent headers of the input do not belong to the delta.
            context.forward(new Record<>(delta.site(), delta, timestamp));
        }
    }

    protected Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
