package org.sitewatch.audit;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instants as users type them: {@code now}; relative to now, {@code -7d}, {@code -12h}, {@code -30m},
 * {@code -45s}, {@code -2w}; an ISO-8601 instant ({@code 2026-11-27T03:00:00Z}) or date-time with an
 * offset ({@code 2026-11-27T04:00:00+01:00}); a date-time without zone, taken as UTC; a date
 * ({@code 2026-11-27}), meaning its start in UTC. Relative times are resolved against one given
 * {@code now}, so {@code --from} and {@code --to} of one command agree.
 */
public final class TimeExpressions {

    public static final String FORMS = "an ISO-8601 instant (2026-11-27T03:00:00Z), a date (2026-11-27, start of day UTC), "
            + "'now', or a time relative to now such as -7d, -12h, -30m";

    /** The instants accepted: Kafka timestamps cannot be negative, and later than year 9999 is a typo. */
    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static final Pattern RELATIVE = Pattern.compile("-(\\d+)\\s*(s|m|h|d|w)");

    private TimeExpressions() {
    }

    /**
     * @param option the option or parameter name, used in the error message
     * @throws AuditException BAD_REQUEST naming the option, the text and the accepted forms, also for an
     *     instant before 1970 or after 9999 (e.g. {@code -99999999999999999999d})
     */
    public static Instant parse(String text, Instant now, String option) {
        Instant t = parseUnchecked(text, now, option);
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw outOfRange(text, option, null);
        }
        return t;
    }

    private static Instant parseUnchecked(String text, Instant now, String option) {
        if (text == null || text.isBlank()) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST, option + " is missing: give " + FORMS);
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("now")) {
            return now;
        }
        Matcher m = RELATIVE.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            try {
                return now.minus(relative(Long.parseLong(m.group(1)), m.group(2)));
            } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
                // Too many digits for a long, too long for a Duration, or before Instant.MIN.
                throw outOfRange(text, option, e);
            }
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Instant.parse(t.toUpperCase(Locale.ROOT));
            }
            if (hasOffset(t)) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST,
                    option + " '" + text + "' is not an instant: use " + FORMS, e);
        }
    }

    private static AuditException outOfRange(String text, String option, Exception cause) {
        return new AuditException(AuditException.Kind.BAD_REQUEST, option + " '" + text + "' is out of range: give an instant "
                + "between " + EARLIEST + " and " + LATEST + " as " + FORMS, cause);
    }

    private static Duration relative(long n, String unit) {
        switch (unit) {
            case "s": return Duration.ofSeconds(n);
            case "m": return Duration.ofMinutes(n);
            case "h": return Duration.ofHours(n);
            case "d": return Duration.ofDays(n);
            default: return Duration.ofDays(7 * n);
        }
    }

    /** A '+' or '-' after the time part (position 10 is the 'T'). */
    private static boolean hasOffset(String t) {
        int tee = t.indexOf('T');
        return tee > 0 && (t.indexOf('+', tee) > 0 || t.indexOf('-', tee) > 0);
    }
}
