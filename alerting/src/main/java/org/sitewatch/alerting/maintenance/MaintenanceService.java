package org.sitewatch.alerting.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sitewatch.events.MaintenanceWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance REST operations: validates a request into a {@link MaintenanceWindow} within the
 * {@link MaintenanceLimits}, records the authenticated caller as its creator, persists it through the
 * {@link MaintenanceStore}, lists and deletes (each change logged with who made it). A window suppresses
 * alerts from the next dispatcher cycle on; when it ends, still-firing alerts are delivered in the cycle after.
 */
public final class MaintenanceService {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceService.class);

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
    private final MaintenanceLimits limits;

    public MaintenanceService(MaintenanceWindows windows, MaintenanceStore store, Clock clock, MaintenanceLimits limits) {
        this.windows = windows;
        this.store = store;
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * Creates (or replaces, same id) a window on behalf of {@code creator}.
     *
     * @param creator the authenticated caller's name, recorded as the window's {@code createdBy}
     * @throws IllegalArgumentException with a readable reason when the request is invalid (400);
     *     {@link MaintenanceLimits.LimitExceededException} when it is over a limit
     */
    public synchronized MaintenanceView create(MaintenanceRequest request, String creator) {
        Instant now = clock.instant();
        if (request.createdBy() != null) {
            throw new IllegalArgumentException("createdBy is not accepted in the body: the creator is the authenticated "
                    + "caller (" + creator + "); leave the field out");
        }
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
                request.item(), request.vm(), startsAt, endsAt, request.reason(), creator);
        checkLimits(window, now);
        boolean replaces = windows.find(id).isPresent();
        store.save(window);
        log.info("maintenance window {} {} by {}: {} from {} to {}", id, replaces ? "replaced" : "created",
                creator, window.matchers(), startsAt, endsAt);
        return MaintenanceView.of(window, now, false);
    }

    private void checkLimits(MaintenanceWindow window, Instant now) {
        Duration length = Duration.between(window.startsAt(), window.endsAt());
        if (length.compareTo(limits.maxDuration()) > 0) {
            throw new MaintenanceLimits.LimitExceededException("the window would last " + readable(length) + ", longer than "
                    + "the maximum of " + readable(limits.maxDuration()) + " (" + MaintenanceLimits.PREFIX + ".max-duration)");
        }
        long openOthers = windows.list(now).stream()
                .filter(w -> !windows.isConfigured(w.id()) && !w.id().equals(window.id()) && !w.endedBefore(now))
                .count();
        if (openOthers >= limits.maxWindows()) {
            throw new MaintenanceLimits.LimitExceededException("there are already " + openOthers + " active or future "
                    + "maintenance windows, the maximum (" + MaintenanceLimits.PREFIX + ".max-windows = "
                    + limits.maxWindows() + "); delete one or wait for one to end");
        }
    }

    /** Whole days as "N days", anything else as ISO-8601 ({@code PT2H30M}). */
    static String readable(Duration d) {
        return d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays())) ? d.toDays() + (d.toDays() == 1 ? " day" : " days")
                : d.toString();
    }

    public List<MaintenanceView> list() {
        Instant now = clock.instant();
        return windows.list(now).stream().map(w -> MaintenanceView.of(w, now, windows.isConfigured(w.id()))).toList();
    }

    public Optional<MaintenanceView> find(String id) {
        Instant now = clock.instant();
        return windows.find(id).map(w -> MaintenanceView.of(w, now, windows.isConfigured(id)));
    }

    /**
     * Deletes a REST window.
     *
     * @param actor the authenticated caller's name, logged
     */
    public void delete(String id, String actor) {
        if (windows.isConfigured(id)) {
            throw new ConfiguredWindowException(id);
        }
        if (windows.find(id).isEmpty()) {
            throw new UnknownWindowException(id);
        }
        store.delete(id);
        log.info("maintenance window {} deleted by {}", id, actor);
    }

    private static String newId() {
        return "mw-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
