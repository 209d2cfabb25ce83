package org.sitewatch.alerting.maintenance;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sitewatch.alerting.maintenance-limits.*}: bounds on windows created over REST, so nobody silences
 * a site for ten years or floods the maintenance topic. Windows from configuration are not bounded (whoever
 * edits the configuration is trusted).
 *
 * @param maxDuration longest window, from its start to its end (default 7 days)
 * @param maxWindows most REST windows that are active or still to come at once (default 50); ended ones do not count
 */
@ConfigurationProperties("sitewatch.alerting.maintenance-limits")
@Validated
public record MaintenanceLimits(
        @DefaultValue("7d") @DurationMin(minutes = 1, message = "must be at least 1m") Duration maxDuration,
        @DefaultValue("50") @Min(value = 1, message = "must be at least 1") int maxWindows) {

    public static final String PREFIX = "sitewatch.alerting.maintenance-limits";

    /** 7 days and 50 windows. */
    public static MaintenanceLimits defaults() {
        return new MaintenanceLimits(Duration.ofDays(7), 50);
    }

    /** A request over a limit: 400 naming the limit and its setting. */
    public static final class LimitExceededException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        LimitExceededException(String message) {
            super(message);
        }
    }
}
