package org.sitewatch.alerting.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sitewatch.events.Alert;

/**
 * Somewhere alerts are delivered to. {@link #deliver} returns normally only when the receiver
 * accepted the whole batch; the dispatcher then counts those state changes as done. Called from the
 * dispatcher thread only.
 */
public interface AlertTarget {

    /** Stable, short and from configuration: the {@code target} label of the delivery metrics. */
    String name();

    /**
     * Sends the alerts (firing and resolved, in one request or several).
     *
     * @throws DeliveryException if the receiver did not accept them (the dispatcher retries)
     */
    void deliver(List<Alert> alerts, Instant now) throws DeliveryException;

    /**
     * If present, the target also wants every active alert re-sent this often, not only state
     * changes (Alertmanager: its alerts expire at {@code endsAt} unless refreshed).
     */
    default Optional<Duration> resendInterval() {
        return Optional.empty();
    }
}
