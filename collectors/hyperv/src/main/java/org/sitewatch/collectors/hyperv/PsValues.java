package org.sitewatch.collectors.hyperv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the value forms PowerShell's ConvertTo-Json produces, whichever version wrote them:
 * <ul>
 *   <li>dates: {@code \/Date(ms)\/} (5.1; the JSON reader already turned {@code \/} into {@code /}),
 *       also with an offset suffix ({@code /Date(ms+0100)/}, the ms are UTC regardless), the ETS
 *       wrapper {@code {"value": "/Date(ms)/", "DateTime": ...}} of a bare date, and ISO-8601 (7.x,
 *       or the script's {@code .ToString('o')}); an ISO time without offset is taken as UTC;</li>
 *   <li>TimeSpans: the 5.1 object ({@code TotalSeconds}, else {@code Ticks}), the .NET text form
 *       {@code [-][d.]hh:mm:ss[.fffffff]}, or a number of seconds (the script's {@code .TotalSeconds});</li>
 *   <li>text, numbers and booleans leniently (numbers as text, booleans as 0/1 or words).</li>
 * </ul>
 * A value in none of these forms is an {@link IllegalArgumentException} naming it; absent or null is null.
 */
final class PsValues {

    private static final Pattern MS_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");
    private static final Pattern TIMESPAN = Pattern.compile(
            "(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,7}))?");
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private PsValues() {
    }

    static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : text;
    }

    static Long number(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asLong();
        }
        String text = node.asText().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Math.round(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a number");
        }
    }

    static Boolean bool(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return switch (node.asText().trim().toLowerCase()) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            case "" -> null;
            default -> throw new IllegalArgumentException(field + " '" + node.asText() + "' is not a boolean");
        };
    }

    static Instant date(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node != null && node.isObject()) {
            node = node.has("value") ? node.get("value") : node.get("DateTime");
        }
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText().trim();
        if (text.isEmpty()) {
            return null;
        }
        Matcher ms = MS_DATE.matcher(text.replace("\\/", "/"));
        if (ms.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(ms.group(1)));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " '" + text + "' is neither /Date(ms)/ nor ISO-8601");
            }
        }
    }

    /** A TimeSpan in seconds (fractions kept). */
    static Double seconds(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            if (node.hasNonNull("TotalSeconds")) {
                return node.get("TotalSeconds").asDouble();
            }
            if (node.hasNonNull("Ticks")) {
                return node.get("Ticks").asDouble() / TICKS_PER_SECOND;
            }
            throw new IllegalArgumentException(field + " is an object without TotalSeconds or Ticks");
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        String text = node.asText().trim();
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = TIMESPAN.matcher(text);
        if (m.matches()) {
            double seconds = (m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 86_400)
                    + Long.parseLong(m.group(3)) * 3600 + Long.parseLong(m.group(4)) * 60 + Long.parseLong(m.group(5));
            if (m.group(6) != null) {
                seconds += Long.parseLong((m.group(6) + "000000").substring(0, 7)) / (double) TICKS_PER_SECOND;
            }
            return m.group(1) != null ? -seconds : seconds;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a TimeSpan ([d.]hh:mm:ss or seconds)");
        }
    }

    /** The strings of an array (a lone string is a one-element list, as 5.1 writes a one-item array). */
    static List<String> strings(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(item -> {
                if (!item.isNull() && !item.asText().isBlank()) {
                    out.add(item.asText().trim());
                }
            });
        } else if (!node.asText().isBlank()) {
            out.add(node.asText().trim());
        }
        return out;
    }

    /**
     * A flags enum sent as a sum of codes or as comma-separated names; words it does not know are
     * added to {@code unknown}.
     */
    static <E extends Enum<E> & Coded> EnumSet<E> flags(JsonNode parent, String field, Class<E> type,
                                                         List<String> unknown) {
        EnumSet<E> set = EnumSet.noneOf(type);
        JsonNode node = parent.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return set;
        }
        String text = node.asText().trim();
        if (node.isIntegralNumber() || text.matches("\\d+")) {
            long bits = Long.parseLong(text);
            long left = bits;
            for (E member : type.getEnumConstants()) {
                if (member.code() != 0 && (bits & member.code()) == member.code()) {
                    set.add(member);
                    left &= ~member.code();
                }
            }
            if (left != 0) {
                unknown.add(Long.toString(left));
            }
            return set;
        }
        for (String word : text.split(",")) {
            PsWord<E> flag = PsWord.read(TextNode.valueOf(word.trim()), type);
            if (flag.known() != null) {
                if (flag.known().code() != 0) {
                    set.add(flag.known());
                }
            } else if (flag.raw() != null) {
                unknown.add(flag.raw());
            }
        }
        return set;
    }
}
