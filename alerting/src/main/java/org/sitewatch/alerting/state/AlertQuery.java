package org.sitewatch.alerting.state;

import java.util.Locale;
import org.sitewatch.events.AlertState;

/**
 * Filter of {@code GET /api/alerts}: {@code state} is {@code firing}, {@code resolved} or {@code all};
 * {@code site} and {@code severity} are exact label matches; null means any.
 */
public record AlertQuery(String site, String severity, StateFilter state) {

    public enum StateFilter {
        FIRING, RESOLVED, ALL;

        public static StateFilter parse(String text) {
            if (text == null || text.isBlank()) {
                return ALL;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("state must be firing, resolved or all, not '" + text + "'");
            }
        }

        boolean accepts(AlertState s) {
            return this == ALL || (this == FIRING) == (s == AlertState.FIRING);
        }
    }

    public static final AlertQuery ALL = new AlertQuery(null, null, StateFilter.ALL);

    public AlertQuery {
        site = site == null || site.isBlank() ? null : site;
        severity = severity == null || severity.isBlank() ? null : severity;
        state = state == null ? StateFilter.ALL : state;
    }
}
