package org.sitewatch.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldDoubleFromTheInitialDelayUpToTheCap() {
        Backoff b = Backoff.DEFAULT;
        assertThat(b.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.delayAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(b.delayAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.delayAfter(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldBeExhaustedAfterMaxAttempts() {
        assertThat(Backoff.DEFAULT.exhausted(4)).isFalse();
        assertThat(Backoff.DEFAULT.exhausted(5)).isTrue();
    }

    @Test
    void shouldRejectNonsense() {
        assertThatThrownBy(() -> new Backoff(0, Duration.ofSeconds(1), Duration.ofSeconds(2))).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new Backoff(3, Duration.ofSeconds(5), Duration.ofSeconds(2))).hasMessageContaining("initial <= max");
    }
}
