package org.sitewatch.collectors.azure;

import com.azure.core.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads how long a throttled ARM answer asks to wait: {@code Retry-After} in seconds or as an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait asked for; null when the header is absent or unreadable. */
    @SuppressWarnings("deprecation")
    static Duration of(HttpResponse response) {
        String ms = response.getHeaderValue("x-ms-retry-after-ms");
        if (ms != null && ms.trim().matches("\\d{1,9}")) {
            return Duration.ofMillis(Long.parseLong(ms.trim()));
        }
        String value = response.getHeaderValue("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
