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
import org.sitewatch.events.SiteHealthView;
import org.sitewatch.core.alerts.AlertEvaluator;
import org.sitewatch.core.alerts.AlertMemory;
import org.sitewatch.core.alerts.AlertRule;

/**
 * SiteDegraded and SiteCritical, judged on each site view the site aggregator publishes (it publishes
 * only changes, and re-judges every site on its own wall-clock punctuator, so silence is covered there).
 * A wall-clock punctuator resolves the alerts whose resolve hold has passed, from a deadline index and
 * the last published view ({@code site-health-published}).
 */
final class SiteAlertProcessor implements Processor<String, SiteHealthView, String, Alert> {

    private static final List<AlertRule> RULES = List.of(AlertRule.SiteCritical, AlertRule.SiteDegraded);

    private final AlertEvaluator evaluator;
    private final Duration interval;
    private ProcessorContext<String, Alert> context;
    private AlertMemories memories;
    private AlertDeadlines deadlines;
    private KeyValueStore<String, SiteHealthView> published;

    SiteAlertProcessor(AlertEvaluator evaluator, Duration interval) {
        this.evaluator = evaluator;
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.deadlines = new AlertDeadlines(context.getStateStore(StoreNames.SITE_ALERT_DEADLINES), "site");
        this.memories = new AlertMemories(context.getStateStore(StoreNames.SITE_ALERT_STATE), deadlines);
        this.published = context.getStateStore(StoreNames.SITE_HEALTH_PUBLISHED);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::due);
    }

    @Override
    public void process(Record<String, SiteHealthView> record) {
        if (!evaluator.settings().enabled()) {
            return;
        }
        SiteHealthView view = record.value();
        Instant now = Instant.ofEpochMilli(record.timestamp());
        for (AlertRule rule : RULES) {
            String key = AlertMemories.key(rule, view.site());
            AlertMemory before = memories.get(key);
            memories.apply(key, before, evaluator.site(rule, view, now, before), context, record.timestamp(), false);
        }
    }

    private void due(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        for (String key : deadlines.takeDue(now)) {
            int bar = key.indexOf('|');
            AlertRule rule = AlertRule.valueOf(key.substring(0, bar));
            SiteHealthView view = published.get(key.substring(bar + 1));
            AlertMemory before = memories.get(key);
            if (view == null || before == null) {
                continue;
            }
            memories.apply(key, before, evaluator.site(rule, view, now, before), context, timestamp, true);
        }
    }
}
