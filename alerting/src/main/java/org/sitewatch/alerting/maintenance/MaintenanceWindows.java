package org.sitewatch.alerting.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.sitewatch.events.MaintenanceWindow;

/**
 * Every maintenance window this process knows: those declared in configuration (fixed for the
 * process' life, cannot be deleted over REST) and those created over REST (mirrored from the
 * maintenance topic by {@link KafkaMaintenanceLog}). Answers "which windows suppress these labels now".
 *
 * <p>Thread-safe: read by the dispatcher thread and REST threads, written by the log's tail thread
 * and REST threads. Ended windows are kept for {@code keepEnded} (so {@code GET /api/maintenance}
 * shows recent ones), then pruned: forgotten in memory and, through {@link #whenPruned}, deleted from
 * the topic by the maintenance log.
 */
public final class MaintenanceWindows {

    private final Map<String, MaintenanceWindow> configured;
    private final Map<String, MaintenanceWindow> created = new ConcurrentHashMap<>();
    private final Duration keepEnded;
    private volatile Consumer<String> pruned = id -> { };

    public MaintenanceWindows(List<MaintenanceWindow> configured, Duration keepEnded) {
        Map<String, MaintenanceWindow> byId = new LinkedHashMap<>();
        for (MaintenanceWindow w : configured) {
            if (byId.put(w.id(), w) != null) {
                throw new IllegalArgumentException("two maintenance windows in the configuration have the id " + w.id());
            }
        }
        this.configured = Map.copyOf(byId);
        this.keepEnded = keepEnded;
    }

    /** Ids of the windows active at {@code now} whose matchers all match {@code labels}; empty if none. */
    public List<String> suppressing(Map<String, String> labels, Instant now) {
        List<String> ids = new ArrayList<>(1);
        for (MaintenanceWindow w : configured.values()) {
            if (w.activeAt(now) && w.matches(labels)) {
                ids.add(w.id());
            }
        }
        for (MaintenanceWindow w : created.values()) {
            if (w.activeAt(now) && w.matches(labels)) {
                ids.add(w.id());
            }
        }
        return ids;
    }

    /** Every window not ended longer than {@code keepEnded} ago, soonest start first. */
    public List<MaintenanceWindow> list(Instant now) {
        Instant horizon = now.minus(keepEnded);
        List<MaintenanceWindow> all = new ArrayList<>();
        configured.values().stream().filter(w -> !w.endedBefore(horizon)).forEach(all::add);
        created.values().stream().filter(w -> !w.endedBefore(horizon)).forEach(all::add);
        all.sort(Comparator.comparing(MaintenanceWindow::startsAt).thenComparing(MaintenanceWindow::id));
        return all;
    }

    public Optional<MaintenanceWindow> find(String id) {
        MaintenanceWindow w = configured.get(id);
        return w != null ? Optional.of(w) : Optional.ofNullable(created.get(id));
    }

    public boolean isConfigured(String id) {
        return configured.containsKey(id);
    }

    /** Adds or replaces a REST-created window (from the topic or right after writing it). */
    public void put(MaintenanceWindow window) {
        if (configured.containsKey(window.id())) {
            throw new IllegalArgumentException("maintenance window " + window.id() + " is declared in the configuration");
        }
        created.put(window.id(), window);
    }

    public void remove(String id) {
        created.remove(id);
    }

    /** Forgets REST-created windows that ended longer than {@code keepEnded} ago, telling {@link #whenPruned}. */
    public void prune(Instant now) {
        Instant horizon = now.minus(keepEnded);
        for (MaintenanceWindow w : List.copyOf(created.values())) {
            if (w.endedBefore(horizon) && created.remove(w.id(), w)) {
                pruned.accept(w.id());
            }
        }
    }

    /** Called with the id of each window {@link #prune} forgets (the maintenance log deletes it from the topic). */
    public void whenPruned(Consumer<String> listener) {
        this.pruned = listener;
    }
}
