package org.sitewatch.streams.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitewatch.events.Alert;
import org.sitewatch.events.EventData;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.core.alerts.AlertEvaluator;
import org.sitewatch.core.alerts.AlertMemory;
import org.sitewatch.core.alerts.AlertRule;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;

/**
 * Judges the alert rules of one entity kind on the entity's latest state. It runs right after the kind's
 * fold processor on the same record, so it reads the state the fold just stored (event time wins: an
 * out-of-order event leaves the state, and so the alerts, unchanged). A new observation is judged at
 * its event time; a wall-clock punctuator re-judges just the (rule, entity) pairs whose deadline is due
 * ({@link AlertDeadlines}), for conditions that arise from silence alone.
 */
final class EntityAlertProcessor implements Processor<String, SitewatchEvent, String, Alert> {

    private final EntityKind kind;
    private final AlertEvaluator evaluator;
    private final Duration interval;
    private final List<AlertRule> rules;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, EntityRecord<EventData>> entities;
    private AlertMemories memories;
    private AlertDeadlines deadlines;

    EntityAlertProcessor(EntityKind kind, AlertEvaluator evaluator, Duration interval) {
        this.kind = kind;
        this.evaluator = evaluator;
        this.interval = interval;
        this.rules = AlertEvaluator.rulesFor(kind);
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.entities = context.getStateStore(StoreNames.forKind(kind));
        this.deadlines = new AlertDeadlines(context.getStateStore(StoreNames.ALERT_DEADLINES), StoreNames.shortName(kind));
        this.memories = new AlertMemories(context.getStateStore(StoreNames.ALERT_STATE), deadlines);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::due);
    }

    @Override
    public void process(Record<String, SitewatchEvent> record) {
        if (!evaluator.settings().enabled()) {
            return;
        }
        String entityKey = record.value().key();
        EntityRecord<EventData> current = entities.get(entityKey);
        if (current == null) {
            return;
        }
        for (AlertRule rule : rules) {
            String key = AlertMemories.key(rule, entityKey);
            AlertMemory before = memories.get(key);
            if (before != null && before.observedAt() != null && !current.time().isAfter(before.observedAt())) {
                continue; // this observation (or a newer one) was judged already
            }
            memories.apply(key, before, evaluator.entity(rule, current.data(), current.time(), current.time(), before, true),
                    context, record.timestamp(), false);
        }
    }

    private void due(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        for (String key : deadlines.takeDue(now)) {
            int bar = key.indexOf('|');
            AlertRule rule = AlertRule.valueOf(key.substring(0, bar));
            EntityRecord<EventData> current = entities.get(key.substring(bar + 1));
            AlertMemory before = memories.get(key);
            if (current == null || before == null) {
                continue;
            }
            memories.apply(key, before, evaluator.entity(rule, current.data(), current.time(), now, before, false),
                    context, timestamp, true);
        }
    }
}
