package org.sitewatch.streams.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.streams.fold.Counters;
import org.sitewatch.streams.fold.EntityFold;
import org.sitewatch.streams.fold.EntityKind;
import org.sitewatch.streams.fold.EntityRecord;
import org.sitewatch.streams.fold.FoldResult;
import org.sitewatch.streams.fold.HealthRules;
import org.sitewatch.streams.fold.RpoPolicy;
import org.sitewatch.streams.fold.SiteDelta;

/**
 * The replication fold plus its RPO deadline index. An item inside its RPO has one index entry at
 * the instant it would cross it ({@link RpoPolicy#crossesAt}); every change moves the entry. A
 * wall-clock punctuator range-scans the entries due by now and re-evaluates just those items, so an
 * item whose replication silently stops advancing turns "outside RPO" with no new event. Detection
 * lags by at most the punctuation interval. An entry left behind by a rule change is harmless: when
 * due, its item is re-evaluated and re-indexed.
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
            RpoPolicy.crossesAt(before.data(), rules.forSite(before.data().site()))
                    .ifPresent(at -> deadlines.delete(DeadlineKeys.of(at, key)));
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
            FoldResult<ReplicationStatus> result = EntityFold.reevaluate(current, now, rules.forSite(current.data().site()));
            EntityRecord<ReplicationStatus> latest = current;
            if (result.changed()) {
                latest = result.record();
                store.put(entry.value, latest);
                forward(result.delta(), timestamp);
            }
            index(entry.value, latest, now);
        }
    }

    /** Adds the entry for when the item will cross its RPO, if it is inside it now. */
    private void index(String key, EntityRecord<ReplicationStatus> record, Instant now) {
        if (record.contribution().count(Counters.REPLICATION_OUTSIDE_RPO) > 0) {
            return;
        }
        RpoPolicy.crossesAt(record.data(), rules.forSite(record.data().site()))
                .filter(at -> at.isAfter(now))
                .ifPresent(at -> deadlines.put(DeadlineKeys.of(at, key), key));
    }
}
