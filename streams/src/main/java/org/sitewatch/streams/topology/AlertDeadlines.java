package org.sitewatch.streams.topology;

import java.time.Instant;
import org.sitewatch.core.index.IndexKeys;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The alert rules' deadline index, one key range per group (an entity kind, or HA actions):
 * {@code <group>|<epoch millis, 19 digits>|<alert-state key>} to the alert-state key. "Everything of
 * this group due by now" is one range scan, never a scan of all alerts.
 */
final class AlertDeadlines {

    private final KeyValueStore<String, String> store;
    private final String group;

    AlertDeadlines(KeyValueStore<String, String> store, String group) {
        this.store = store;
        this.group = group;
    }

    /** Moves the entry of {@code stateKey} from {@code before} to {@code after} (either may be null). */
    void move(String stateKey, Instant before, Instant after) {
        if (before != null && before.equals(after)) {
            return;
        }
        if (before != null) {
            store.delete(key(before, stateKey));
        }
        if (after != null) {
            store.put(key(after, stateKey), stateKey);
        }
    }

    /** Removes and returns the alert-state keys due by {@code now}. */
    List<String> takeDue(Instant now) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(prefix() + pad(0), prefix() + pad(now.toEpochMilli() + 1))) {
            it.forEachRemaining(due::add);
        }
        List<String> keys = new ArrayList<>(due.size());
        for (KeyValue<String, String> entry : due) {
            store.delete(entry.key);
            keys.add(entry.value);
        }
        return keys;
    }

    private String key(Instant at, String stateKey) {
        return prefix() + pad(at.toEpochMilli()) + "|" + stateKey;
    }

    private String prefix() {
        return group + "|";
    }

    private static String pad(long millis) {
        return IndexKeys.paddedMillis(Math.max(0, millis));
    }
}
