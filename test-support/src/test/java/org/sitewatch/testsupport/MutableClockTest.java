package org.sitewatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldMoveOnlyWhenTold() {
        MutableClock clock = new MutableClock(T);
        assertThat(clock.instant()).isEqualTo(T);
        clock.advance(Duration.ofSeconds(90));
        assertThat(clock.instant()).isEqualTo(T.plusSeconds(90));
        clock.set(T.minusSeconds(5));
        assertThat(clock.millis()).isEqualTo(T.minusSeconds(5).toEpochMilli());
    }
}
