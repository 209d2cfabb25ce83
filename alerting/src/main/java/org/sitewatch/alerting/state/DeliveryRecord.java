package org.sitewatch.alerting.state;

import java.util.List;
import org.sitewatch.events.Alert;

/**
 * One alert's whole delivery state, as the dispatcher keeps it in {@code sitewatch.alert-dispatch}
 * (JSON): enough to carry on after a restart exactly where it stopped, without reading the history
 * of {@code sitewatch.alerts}.
 *
 * @param alert the newest version of the alert
 * @param announced whether some target was told about its current firing episode
 * @param owed the state changes some target has not accepted yet, oldest first
 * @param sourceOffset offset in {@code sitewatch.alerts} of the newest record applied; records at or
 *     before it that are read again (after a crash before the commit) are skipped
 */
public record DeliveryRecord(Alert alert, boolean announced, List<OwedChange> owed, long sourceOffset) {

    public DeliveryRecord {
        owed = owed == null ? List.of() : List.copyOf(owed);
    }

    /** A state change and the targets that still owe it. */
    public record OwedChange(Alert alert, List<String> targets) {

        public OwedChange {
            targets = targets == null ? List.of() : List.copyOf(targets);
        }
    }
}
