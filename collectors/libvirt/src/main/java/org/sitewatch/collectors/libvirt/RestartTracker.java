package org.sitewatch.collectors.libvirt;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

/**
 * Recognises a restart elsewhere, the only HA signal plain libvirt gives (an HA manager such as
 * Pacemaker does it, libvirt only sees the result): a domain crashes on one host (CRASHED, or
 * STOPPED with detail CRASHED or FAILED) and starts on another host of the endpoint within the
 * window. A start on the same host, or after the window, is not an HA action.
 *
 * <p>Not thread-safe: the subscription's thread owns it.
 */
final class RestartTracker {

    private record Crash(String host, String word, Instant at) {
    }

    private final EndpointConfig endpoint;
    private final Duration window;
    private final Map<String, Crash> crashes = new HashMap<>();

    RestartTracker(EndpointConfig endpoint, Duration window) {
        this.endpoint = endpoint;
        this.window = window;
    }

    /** Notes one lifecycle event; returns the HA action when it completes a restart on another host. */
    Optional<HaAction> onEvent(String uuid, String host, LifecycleEvents.Change change, Instant at) {
        crashes.values().removeIf(c -> c.at().plus(window).isBefore(at));
        if (change.crashed()) {
            crashes.put(uuid, new Crash(host, change.word(), at));
            return Optional.empty();
        }
        if (!change.started()) {
            return Optional.empty();
        }
        Crash crash = crashes.remove(uuid);
        if (crash == null || crash.host().equals(host)) {
            return Optional.empty();
        }
        String actionId = uuid + "/" + crash.host() + "->" + host + "/" + crash.at().toEpochMilli();
        return Optional.of(new HaAction(endpoint.siteOfHost(host), Platform.LIBVIRT, actionId, uuid, null,
                HaActionKind.RESTART, crash.host(), host, change.word(),
                crash.word() + " on " + crash.host() + " at " + crash.at() + ", " + change.word() + " on " + host));
    }
}
