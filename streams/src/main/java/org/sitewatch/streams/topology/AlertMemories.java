package org.sitewatch.streams.topology;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitewatch.events.Alert;
import org.sitewatch.core.alerts.AlertMemory;
import org.sitewatch.core.alerts.Transition;

/**
 * Keeps what a transition leaves behind: the memory (deleted when empty), its deadline entry, and the
 * record sent downstream keyed by fingerprint. Store writes and the sent record commit in the same
 * exactly-once transaction, so a restart neither repeats nor loses a transition.
 */
final class AlertMemories {

    private final KeyValueStore<String, AlertMemory> store;
    private final AlertDeadlines deadlines;

    AlertMemories(KeyValueStore<String, AlertMemory> store, AlertDeadlines deadlines) {
        this.store = store;
        this.deadlines = deadlines;
    }

    AlertMemory get(String key) {
        return store.get(key);
    }

    /**
     * @param deadlineTaken the entry of {@code before.dueAt()} was already removed (a due deadline)
     */
    void apply(String key, AlertMemory before, Transition t, ProcessorContext<String, Alert> context, long timestamp,
               boolean deadlineTaken) {
        if (t == null) {
            return;
        }
        if (deadlines != null) {
            deadlines.move(key, before == null || deadlineTaken ? null : before.dueAt(), t.memory().dueAt());
        }
        if (t.memory().isEmpty()) {
            if (before != null) {
                store.delete(key);
            }
        } else if (!t.memory().equals(before)) {
            store.put(key, t.memory());
        }
        if (t.emitted() != null) {
            context.forward(new Record<>(t.emitted().fingerprint(), t.emitted(), timestamp));
        }
    }

    static String key(Object rule, String subject) {
        return rule + "|" + subject;
    }
}
