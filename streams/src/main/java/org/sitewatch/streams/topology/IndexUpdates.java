package org.sitewatch.streams.topology;

import org.sitewatch.core.index.IndexKeys;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueStore;

/** Moves one item's entry in a lag index when its instant changes ({@link IndexKeys}). */
final class IndexUpdates {

    private IndexUpdates() {
    }

    static void move(KeyValueStore<String, String> index, String owner, String family, String subject,
                     Instant before, Instant after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            index.delete(IndexKeys.of(owner, family, before, subject));
        }
        if (after != null) {
            // The value is unused: the key says everything, and an empty string keeps the changelog small.
            index.put(IndexKeys.of(owner, family, after, subject), "");
        }
    }
}
