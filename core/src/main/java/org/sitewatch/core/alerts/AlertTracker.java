package org.sitewatch.core.alerts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.sitewatch.events.Alert;

/**
 * Turns a rule's {@link Check} and what was remembered into the alert lifecycle: one FIRING record when
 * the condition becomes true, one RESOLVED record when it becomes false, nothing in between.
 */
public final class AlertTracker {

    private final AlertSettings settings;

    public AlertTracker(AlertSettings settings) {
        this.settings = settings;
    }

    public Transition apply(AlertRule rule, AlertMemory previous, Check check, Instant now, Instant observedAt) {
        AlertMemory prev = previous == null ? AlertMemory.NONE : previous;
        Instant observed = observedAt != null ? observedAt : prev.observedAt();
        Map<String, String> annotations = annotations(rule, check);
        if (check.active() && !prev.isFiring()) {
            Alert firing = new Alert(null, org.sitewatch.events.AlertState.FIRING, labels(rule, check), annotations,
                    check.startsAt() != null ? check.startsAt() : now, check.endsAt(), check.generatorURL());
            return new Transition(rule, new AlertMemory(firing, check.pendingSince(), check.dueAt(), observed, prev.token()), firing);
        }
        if (!check.active() && prev.isFiring()) {
            Alert firing = prev.firing();
            Instant at = now.isBefore(firing.startsAt()) ? firing.startsAt() : now;
            Alert resolved = firing.resolved(at, annotations);
            return new Transition(rule, new AlertMemory(null, check.pendingSince(), check.dueAt(), observed, prev.token()), resolved);
        }
        return new Transition(rule, new AlertMemory(prev.firing(), check.pendingSince(), check.dueAt(), observed, prev.token()), null);
    }

    private Map<String, String> labels(AlertRule rule, Check check) {
        Map<String, String> labels = new HashMap<>();
        check.labels().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                labels.put(k, v);
            }
        });
        labels.put(Alert.ALERTNAME, rule.name());
        labels.put(Alert.SEVERITY, settings.severity(rule).label());
        return labels;
    }

    private Map<String, String> annotations(AlertRule rule, Check check) {
        Map<String, String> annotations = new HashMap<>();
        annotations.put("summary", check.summary());
        annotations.put("description", check.description());
        annotations.put("runbook_url", settings.runbookUrl(rule));
        return annotations;
    }
}
