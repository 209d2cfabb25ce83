package org.sitewatch.collectors.azure;

import com.azure.core.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads how long a throttled ARM answer asks to wait: {@code x-ms-retry-after-ms}, else
 * {@code Retry-After} in seconds or as an HTTP date.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait asked for; null when no header says or it is unreadable. */
    @SuppressWarnings("deprecation")
    static Duration of(HttpResponse response) {
        return parse(response.getHeaderValue("x-ms-retry-after-ms"), response.getHeaderValue("Retry-After"), Instant.now());
    }

    static Duration parse(String retryAfterMs, String retryAfter, Instant now) {
        if (retryAfterMs != null && retryAfterMs.trim().matches("\\d{1,9}")) {
            return Duration.ofMillis(Long.parseLong(retryAfterMs.trim()));
        }
        if (retryAfter == null || retryAfter.isBlank()) {
            return null;
        }
        String v = retryAfter.trim();
        if (v.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Duration d = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
