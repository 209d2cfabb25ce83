package org.sitewatch.collectors.azure.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARM date-times as ASR writes them: ISO 8601 with {@code Z} or an offset, with up to seven
 * fraction digits (.NET ticks), or without a zone (UTC, as the API documents its times). ASR's
 * {@code 1753-01-01T01:01:01Z} (SQL Server's smallest date) and .NET's {@code 0001-01-01} stand for
 * "never" and read as null.
 */
public final class AsrTimes {

    /** Anything before this is one of the "never" sentinels. */
    private static final Instant NEVER_BEFORE = Instant.parse("1754-01-01T00:00:00Z");
    private static final Pattern NO_ZONE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    private AsrTimes() {
    }

    /**
     * @return the instant; null when absent, null, empty or a "never" sentinel
     * @throws UnusableItemException naming {@code field} when the text is not a date-time
     */
    public static Instant parse(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            return null;
        }
        Instant instant;
        try {
            Matcher m = NO_ZONE.matcher(text);
            instant = m.matches() ? LocalDateTime.parse(text).toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnusableItemException(field + " '" + text + "' is not an ISO 8601 date-time");
        }
        return instant.isBefore(NEVER_BEFORE) ? null : instant;
    }
}
