package org.sitewatch.alerting.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sitewatch.events.MaintenanceWindow;

/**
 * The maintenance REST operations: validates a request into a {@link MaintenanceWindow}, persists
 * it through the {@link MaintenanceStore}, lists and deletes. A window suppresses alerts from the
 * next dispatcher cycle on; when it ends, still-firing alerts are delivered in the cycle after.
 */
public final class MaintenanceService {

    /** The window does not exist (404). */
    public static final class UnknownWindowException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UnknownWindowException(String id) {
            super("no maintenance window " + id);
        }
    }

    /** The window comes from configuration and cannot be changed over REST (409). */
    public static final class ConfiguredWindowException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfiguredWindowException(String id) {
            super("maintenance window " + id + " is declared in the configuration (sitewatch.alerting.maintenance); "
                    + "change it there");
        }
    }

    private final MaintenanceWindows windows;
    private final MaintenanceStore store;
    private final Clock clock;

    public MaintenanceService(MaintenanceWindows windows, MaintenanceStore store, Clock clock) {
        this.windows = windows;
        this.store = store;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException with a readable reason when the request is invalid (400)
     */
    public MaintenanceView create(MaintenanceRequest request) {
        Instant now = clock.instant();
        String id = request.id() == null || request.id().isBlank() ? newId() : request.id();
        if (windows.isConfigured(id)) {
            throw new ConfiguredWindowException(id);
        }
        Instant startsAt = request.startsAt() != null ? request.startsAt() : now;
        if ((request.endsAt() == null) == (request.duration() == null)) {
            throw new IllegalArgumentException("give either endsAt or duration (e.g. \"PT2H\"), not both or neither");
        }
        if (request.duration() != null && (request.duration().isNegative() || request.duration().isZero())) {
            throw new IllegalArgumentException("duration must be positive, got " + request.duration());
        }
        Instant endsAt = request.endsAt() != null ? request.endsAt() : startsAt.plus(request.duration());
        if (!endsAt.isAfter(now)) {
            throw new IllegalArgumentException("endsAt " + endsAt + " is not in the future");
        }
        MaintenanceWindow window = new MaintenanceWindow(id, request.site(), request.cluster(), request.host(),
                request.item(), request.vm(), startsAt, endsAt, request.reason(), request.createdBy());
        store.save(window);
        return MaintenanceView.of(window, now, false);
    }

    public List<MaintenanceView> list() {
        Instant now = clock.instant();
        return windows.list(now).stream().map(w -> MaintenanceView.of(w, now, windows.isConfigured(w.id()))).toList();
    }

    public Optional<MaintenanceView> find(String id) {
        Instant now = clock.instant();
        return windows.find(id).map(w -> MaintenanceView.of(w, now, windows.isConfigured(id)));
    }

    public void delete(String id) {
        if (windows.isConfigured(id)) {
            throw new ConfiguredWindowException(id);
        }
        if (windows.find(id).isEmpty()) {
            throw new UnknownWindowException(id);
        }
        store.delete(id);
    }

    private static String newId() {
        return "mw-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
