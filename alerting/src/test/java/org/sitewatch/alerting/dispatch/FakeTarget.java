package org.sitewatch.alerting.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sitewatch.alerting.delivery.AlertTarget;
import org.sitewatch.alerting.delivery.DeliveryException;
import org.sitewatch.events.Alert;

/** A target that records each batch and fails while told to. */
final class FakeTarget implements AlertTarget {

    final String name;
    final Duration resend;
    final List<List<Alert>> batches = new ArrayList<>();
    int attempts;
    boolean failing;

    FakeTarget(String name, Duration resend) {
        this.name = name;
        this.resend = resend;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Duration> resendInterval() {
        return Optional.ofNullable(resend);
    }

    @Override
    public void deliver(List<Alert> alerts, Instant now) throws DeliveryException {
        attempts++;
        if (failing) {
            throw new DeliveryException("HTTP 503 from fake " + name);
        }
        batches.add(List.copyOf(alerts));
    }

    List<Alert> lastBatch() {
        return batches.get(batches.size() - 1);
    }
}
