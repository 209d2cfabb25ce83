package org.sitewatch.alerting.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.Alert;
import org.sitewatch.events.AlertState;

/**
 * One alert as {@code GET /api/alerts} lists it: the lifecycle record plus what this dispatcher
 * does with it.
 *
 * @param suppressed whether an active maintenance window holds it back (not delivered)
 * @param suppressedBy ids of those windows
 * @param pendingTargets targets that have not yet accepted its current state (retrying)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertView(String fingerprint, AlertState state, Map<String, String> labels,
                        Map<String, String> annotations, Instant startsAt, Instant endsAt, String generatorURL,
                        boolean suppressed, List<String> suppressedBy, List<String> pendingTargets) {

    static AlertView of(String fingerprint, Alert a, List<String> suppressedBy, List<String> pendingTargets) {
        return new AlertView(fingerprint, a.state(), a.labels(), a.annotations(), a.startsAt(), a.endsAt(),
                a.generatorURL(), !suppressedBy.isEmpty(), List.copyOf(suppressedBy), List.copyOf(pendingTargets));
    }
}
