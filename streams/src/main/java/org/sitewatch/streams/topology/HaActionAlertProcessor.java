package org.sitewatch.streams.topology;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.sitewatch.events.Alert;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.core.alerts.AlertEvaluator;
import org.sitewatch.core.alerts.AlertMemory;
import org.sitewatch.core.alerts.AlertRule;
import org.sitewatch.core.fold.EventIdentity;

/**
 * HaVmRestarted: one FIRING record per HA restart of a VM, one RESOLVED record when the hold has
 * passed (wall-clock punctuation over the deadline index).
 */
final class HaActionAlertProcessor implements Processor<String, SitewatchEvent, String, Alert> {

    static final String GROUP = "ha-action";

    private final AlertEvaluator evaluator;
    private final Duration interval;
    private ProcessorContext<String, Alert> context;
    private AlertMemories memories;
    private AlertDeadlines deadlines;

    HaActionAlertProcessor(AlertEvaluator evaluator, Duration interval) {
        this.evaluator = evaluator;
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.deadlines = new AlertDeadlines(context.getStateStore(StoreNames.ALERT_DEADLINES), GROUP);
        this.memories = new AlertMemories(context.getStateStore(StoreNames.ALERT_STATE), deadlines);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::due);
    }

    @Override
    public void process(Record<String, SitewatchEvent> record) {
        SitewatchEvent event = record.value();
        if (!evaluator.settings().enabled() || !(event.data() instanceof HaAction action)) {
            return;
        }
        String key = AlertMemories.key(AlertRule.HaVmRestarted, action.site() + "/" + action.vmId());
        AlertMemory before = memories.get(key);
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        memories.apply(key, before, evaluator.haAction(action, EventIdentity.of(event), event.time(), now, before),
                context, record.timestamp(), false);
    }

    private void due(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        for (String key : deadlines.takeDue(now)) {
            AlertMemory before = memories.get(key);
            memories.apply(key, before, evaluator.vmRestartDue(before, now), context, timestamp, true);
        }
    }
}
