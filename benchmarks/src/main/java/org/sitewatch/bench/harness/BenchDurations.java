package org.sitewatch.bench.harness;

import java.time.Duration;
import java.util.Locale;
import org.sitewatch.audit.AuditDurations;

/** Durations typed on a benchmark command line: ISO-8601 ({@code PT10M}) or short ({@code 90s}, {@code 10m}, {@code 1h}). */
public final class BenchDurations {

    private BenchDurations() {
    }

    /** @throws IllegalArgumentException naming the option when the text is neither form */
    public static Duration parse(String text, String option) {
        String trimmed = text == null ? "" : text.trim();
        try {
            return trimmed.toUpperCase(Locale.ROOT).startsWith("P") ? Duration.parse(trimmed) : AuditDurations.parse(trimmed, option);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a duration such as PT10M, 90s, 10m or 1h", e);
        }
    }
}
