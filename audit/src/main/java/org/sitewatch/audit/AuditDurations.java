package org.sitewatch.audit;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short durations as typed on a command line or query string: {@code 500ms}, {@code 15s}, {@code 30m}, {@code 1h}, {@code 2d}. */
public final class AuditDurations {

    /** Longer than any retention; keeps instant arithmetic (range end + lateness) from overflowing. */
    public static final Duration MAX = Duration.ofDays(36_500);

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private AuditDurations() {
    }

    /** @throws AuditException BAD_REQUEST naming the option, also for a duration over {@link #MAX} */
    public static Duration parse(String text, String option) {
        Matcher m = SHORT.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST,
                    option + " '" + text + "' is not a duration such as 500ms, 15s, 30m, 1h or 2d");
        }
        Duration d;
        try {
            d = of(Long.parseLong(m.group(1)), m.group(2));
        } catch (NumberFormatException | ArithmeticException e) {
            d = null;
        }
        if (d == null || d.compareTo(MAX) > 0) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST,
                    option + " '" + text + "' is too long: at most " + format(MAX));
        }
        return d;
    }

    private static Duration of(long n, String unit) {
        switch (unit) {
            case "ms": return Duration.ofMillis(n);
            case "s": return Duration.ofSeconds(n);
            case "m": return Duration.ofMinutes(n);
            case "h": return Duration.ofHours(n);
            default: return Duration.ofDays(n);
        }
    }

    /** Like {@link #parse}, with {@code unlimited} meaning null. */
    public static Duration parseOrUnlimited(String text, String option) {
        return text != null && text.trim().equalsIgnoreCase("unlimited") ? null : parse(text, option);
    }

    /** {@code 1h}, {@code 90s}, or {@code unlimited} for null. */
    public static String format(Duration d) {
        if (d == null) {
            return "unlimited";
        }
        long s = d.toSeconds();
        if (d.toMillisPart() != 0 || s == 0) {
            return d.toMillis() + "ms";
        }
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
