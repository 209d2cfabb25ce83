package org.sitewatch.collectors.kubevirt;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sitewatch.collectors.spi.CheckpointStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which HA actions this endpoint has already published, kept in its checkpoint store so that
 * neither a re-list nor a restart of the collector publishes one twice (the runtime publishes every
 * action it is given; it de-duplicates states only).
 *
 * <p>Two parts: the ids of the most recent published actions with their times, and a horizon. An
 * action is new when it is not in the list and happened after the horizon. The horizon starts at the
 * endpoint's first start, so finished migrations the cluster still lists from before Sitewatch
 * watched it are history, not news; and when the list is full, the oldest entry is dropped and the
 * horizon moves up to its time, so a dropped id can never come back as new. After a restart,
 * a migration that finished while the collector was down is after the horizon and not in the list:
 * it is published, once.
 *
 * <p>Limits: at most {@value #CAPACITY} ids (about 60 bytes each) are kept. Cluster times are
 * compared with the horizon, which is set from the collector's clock at the first start: a cluster
 * clock far behind the collector's could hide actions from the first minutes. Not thread-safe.
 */
final class ActionLedger {

    static final String CHECKPOINT_KEY = "kubevirt.published-actions";
    static final int CAPACITY = 100;
    private static final Logger log = LoggerFactory.getLogger(ActionLedger.class);
    private static final String VERSION = "v1";

    private final CheckpointStore store;
    private final int capacity;
    private final Map<String, Instant> published = new LinkedHashMap<>();
    private Instant horizon;

    private ActionLedger(CheckpointStore store, int capacity, Instant horizon) {
        this.store = store;
        this.capacity = capacity;
        this.horizon = horizon;
    }

    /** The ledger kept in {@code store}, or a new one whose horizon is {@code firstStart}. */
    static ActionLedger load(CheckpointStore store, Instant firstStart) {
        return load(store, firstStart, CAPACITY);
    }

    static ActionLedger load(CheckpointStore store, Instant firstStart, int capacity) {
        Optional<String> saved = store.get(CHECKPOINT_KEY);
        if (saved.isPresent()) {
            ActionLedger ledger = parse(store, capacity, saved.get());
            if (ledger != null) {
                return ledger;
            }
            log.warn("checkpoint {} is unreadable; starting a new ledger: finished migrations still listed are history",
                    CHECKPOINT_KEY);
        }
        ActionLedger ledger = new ActionLedger(store, capacity, horizonOfAFirstStart(firstStart));
        ledger.save();
        return ledger;
    }

    /**
     * The end of the second before {@code firstStart}: Kubernetes stamps objects to the whole second, so an
     * object made just after the start, in the same second, carries a time before it and would read as history.
     */
    static Instant horizonOfAFirstStart(Instant firstStart) {
        return firstStart.truncatedTo(ChronoUnit.SECONDS).minusMillis(1); // milliseconds: the checkpoint keeps the horizon as epoch millis
    }

    /** Whether the action is news: after the horizon and not published before. */
    boolean isNew(ObservedAction action) {
        return action.at().isAfter(horizon) && !published.containsKey(action.action().actionId());
    }

    /** Records a published action and stores the ledger. */
    void published(ObservedAction action) {
        published.put(action.action().actionId(), action.at());
        while (published.size() > capacity) {
            Map.Entry<String, Instant> oldest = published.entrySet().stream()
                    .min(Map.Entry.comparingByValue(Comparator.naturalOrder())).orElseThrow();
            published.remove(oldest.getKey());
            if (oldest.getValue().isAfter(horizon)) {
                horizon = oldest.getValue();
            }
        }
        save();
    }

    Instant horizon() {
        return horizon;
    }

    private void save() {
        StringBuilder text = new StringBuilder(VERSION).append(' ').append(horizon.toEpochMilli()).append('\n');
        published.forEach((id, at) -> text.append(at.toEpochMilli()).append(' ').append(id).append('\n'));
        store.put(CHECKPOINT_KEY, text.toString());
    }

    private static ActionLedger parse(CheckpointStore store, int capacity, String text) {
        String[] lines = text.split("\n");
        String[] head = lines[0].split(" ");
        try {
            if (head.length != 2 || !VERSION.equals(head[0])) {
                return null;
            }
            ActionLedger ledger = new ActionLedger(store, capacity, Instant.ofEpochMilli(Long.parseLong(head[1])));
            for (int i = 1; i < lines.length; i++) {
                int space = lines[i].indexOf(' ');
                if (space > 0) {
                    ledger.published.put(lines[i].substring(space + 1),
                            Instant.ofEpochMilli(Long.parseLong(lines[i].substring(0, space))));
                }
            }
            return ledger;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
