package org.sitewatch.alerting.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.sitewatch.alerting.state.AlertQuery;
import org.sitewatch.alerting.state.AlertView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/alerts?site=&severity=&state=firing|resolved|all}: the alerts this dispatcher
 * knows, firing ones and those resolved within the retention ({@code sitewatch.alerting.resolved-retention}),
 * each with its {@code suppressed} flag. Served from memory; a plain JSON array. {@code severity} is
 * critical, warning or info and {@code state} firing, resolved or all (any case); another word is a 400.
 */
@RestController
@RequestMapping(path = "/api/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
public class AlertsController {

    /** The severities alerts are raised with (the streams app's alert rules). */
    static final List<String> SEVERITIES = List.of("critical", "warning", "info");

    private final ActiveAlerts alerts;
    private final Clock clock;

    /** The application's single Clock bean if it has one (tests set the time), else the system UTC clock. */
    public AlertsController(ActiveAlerts alerts, ObjectProvider<Clock> clock) {
        this.alerts = alerts;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @GetMapping
    public List<AlertView> alerts(@RequestParam(required = false) String site,
                                  @RequestParam(required = false) String severity,
                                  @RequestParam(required = false) String state) {
        return alerts.list(new AlertQuery(site, severity(severity), AlertQuery.StateFilter.parse(state)), clock.instant());
    }

    /** @throws IllegalArgumentException naming the parameter and the accepted words */
    static String severity(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String word = text.trim().toLowerCase(Locale.ROOT);
        if (!SEVERITIES.contains(word)) {
            throw new IllegalArgumentException("severity must be " + String.join(", ", SEVERITIES) + ", not '" + text + "'");
        }
        return word;
    }
}
