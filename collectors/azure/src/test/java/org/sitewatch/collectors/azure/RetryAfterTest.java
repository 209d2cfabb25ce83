package org.sitewatch.collectors.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The forms of a throttled answer's wait: milliseconds header, seconds, HTTP date, nonsense. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-01-01T09:00:00Z");

    @Test
    void shouldPreferMillisecondsThenSecondsThenADate() {
        assertThat(RetryAfter.parse("1500", "60", NOW)).isEqualTo(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse(null, " 17 ", NOW)).isEqualTo(Duration.ofSeconds(17));
        assertThat(RetryAfter.parse(null, "Wed, 01 Jan 2025 09:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldReadAPastDateAsNoWaitAndNonsenseAsNotSaid() {
        assertThat(RetryAfter.parse(null, "Wed, 01 Jan 2025 08:00:00 GMT", NOW)).isZero();
        assertThat(RetryAfter.parse("soon", "later", NOW)).isNull();
        assertThat(RetryAfter.parse(null, null, NOW)).isNull();
        assertThat(RetryAfter.parse(null, "-5", NOW)).isNull();
    }
}
