package org.sitewatch.collectors.vmware.replication;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code last_sync_time}, whose type changed between API versions: an ISO-8601 string in
 * 1.0/v1 (one without an offset is read as UTC), an integer epoch in 2.0/latest. Integers below 10^11 are seconds (10^11 s is the year
 * 5138, 10^11 ms is 1973), others milliseconds. Absent, null and 0 mean never synced.
 */
final class SyncTimes {

    private static final long SECONDS_BELOW = 100_000_000_000L;

    private SyncTimes() {
    }

    /**
     * @return the instant; null when never synced
     * @throws UnusableRecordException when the value is neither an epoch nor an ISO-8601 time
     */
    static Instant parse(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return epoch(value.asLong());
        }
        if (value.isNumber()) {
            return epoch((long) value.asDouble());
        }
        if (!value.isTextual()) {
            throw new UnusableRecordException("last_sync_time is neither a number nor a time: " + value);
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (text.matches("\\d{1,19}")) {
            try {
                return epoch(Long.parseLong(text));
            } catch (NumberFormatException e) { // 19 digits may exceed a long
                throw new UnusableRecordException("last_sync_time " + text + " is out of range");
            }
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // Without an offset: the format is unconfirmed, UTC is the appliance's usual zone.
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw new UnusableRecordException("last_sync_time '" + text + "' is not an ISO-8601 time with an offset "
                        + "or an epoch");
            }
        }
    }

    private static Instant epoch(long n) {
        if (n == 0) {
            return null;
        }
        try {
            return Math.abs(n) < SECONDS_BELOW ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
        } catch (DateTimeException e) {
            throw new UnusableRecordException("last_sync_time " + n + " is out of range");
        }
    }
}
