package org.sitewatch.simulator;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the short duration notation used in scenario files: {@code 500ms}, {@code 30s},
 * {@code 2m}, {@code 1h}, combinations such as {@code 1m30s}, a bare number (seconds) or an ISO-8601
 * duration ({@code PT30S}). Negative durations are not supported.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern WHOLE = Pattern.compile("((\\d+)(ms|s|m|h))+");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException when the text is not a valid duration
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        if (t.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        if (t.matches("\\d+\\.\\d+")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        }
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                Duration d = Duration.parse(t);
                if (d.isNegative()) {
                    throw new IllegalArgumentException("negative duration '" + text + "'");
                }
                return d;
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("invalid duration '" + text + "'");
            }
        }
        if (!WHOLE.matcher(t).matches()) {
            throw new IllegalArgumentException(
                    "invalid duration '" + text + "' (use e.g. 500ms, 30s, 2m, 1h, 1m30s)");
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        return total;
    }

    /** Formats like the scenario notation, e.g. {@code 1m30s}, {@code 250ms}, {@code 0s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long h = ms / 3_600_000;
        long m = (ms / 60_000) % 60;
        long s = (ms / 1000) % 60;
        long rest = ms % 1000;
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (m > 0) {
            sb.append(m).append('m');
        }
        if (s > 0) {
            sb.append(s).append('s');
        }
        if (rest > 0) {
            sb.append(rest).append("ms");
        }
        return sb.toString();
    }
}
