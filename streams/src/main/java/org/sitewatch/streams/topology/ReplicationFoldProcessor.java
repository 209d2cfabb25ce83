package org.sitewatch.streams.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.core.fold.EntityFold;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.FoldResult;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.ReplicationRules;
import org.sitewatch.core.fold.RpoPolicy;
import org.sitewatch.core.fold.SiteDelta;
import org.sitewatch.core.fold.TestFailoverPolicy;

/**
 * The replication fold plus its deadline index. An item has an index entry at each future instant its
 * contribution changes by the mere passing of time: when it crosses its RPO ({@link RpoPolicy#crossesAt})
 * and when its test failover becomes overdue ({@link TestFailoverPolicy#overdueAt}); every change moves
 * the entries. A wall-clock punctuator range-scans the entries due by now and re-evaluates just those
 * items, so an item whose replication silently stops advancing turns "outside RPO" with no new event.
 * Detection lags by at most the punctuation interval. An entry left behind by a rule change is
 * harmless: when due, its item is re-evaluated and re-indexed.
 */
final class ReplicationFoldProcessor extends EntityFoldProcessor<ReplicationStatus> {

    private final Duration interval;
    private KeyValueStore<String, String> deadlines;

    ReplicationFoldProcessor(HealthRules rules, Duration interval) {
        super(EntityKind.REPLICATION, rules);
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, SiteDelta> context) {
        super.init(context);
        deadlines = context.getStateStore(StoreNames.RPO_DEADLINES);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::reevaluateDue);
    }

    @Override
    protected void afterChange(String key, EntityRecord<ReplicationStatus> before, EntityRecord<ReplicationStatus> after) {
        if (before != null) {
            instants(before.data()).forEach(at -> deadlines.delete(DeadlineKeys.of(at, key)));
        }
        index(key, after, now());
    }

    private void reevaluateDue(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        List<KeyValue<String, String>> due = new ArrayList<>();
        // Collected first: the store is changed below, which an open iterator need not tolerate.
        try (KeyValueIterator<String, String> it = deadlines.range(DeadlineKeys.FIRST, DeadlineKeys.dueBy(now))) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> entry : due) {
            deadlines.delete(entry.key);
            EntityRecord<ReplicationStatus> current = store.get(entry.value);
            if (current == null) {
                continue;
            }
            FoldResult<ReplicationStatus> result = EntityFold.reevaluate(current, now, rules);
            EntityRecord<ReplicationStatus> latest = current;
            if (result.changed()) {
                latest = result.record();
                store.put(entry.value, latest);
                forward(result.delta(), timestamp);
            }
            index(entry.value, latest, now);
        }
    }

    /** Adds an entry for each future instant the item's contribution will change without an event. */
    private void index(String key, EntityRecord<ReplicationStatus> record, Instant now) {
        instants(record.data()).filter(at -> at.isAfter(now))
                .forEach(at -> deadlines.put(DeadlineKeys.of(at, key), key));
    }

    private Stream<Instant> instants(ReplicationStatus r) {
        ReplicationRules itemRules = rules.forItem(r);
        return Stream.of(RpoPolicy.crossesAt(r, itemRules), TestFailoverPolicy.overdueAt(r, itemRules))
                .flatMap(Optional::stream);
    }
}
