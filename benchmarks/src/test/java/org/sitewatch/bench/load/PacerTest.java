package org.sitewatch.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void shouldSpaceEventsEvenlyAtTheRate() {
        Pacer pacer = new Pacer(4_000, 1_000L);

        assertThat(pacer.dueNanos(0)).isEqualTo(1_000L);
        assertThat(pacer.dueNanos(1)).isEqualTo(1_000L + 250_000);
        assertThat(pacer.dueNanos(4_000)).isEqualTo(1_000L + 1_000_000_000L);
    }

    @Test
    void shouldNotWaitWhenUnpaced() {
        Pacer pacer = new Pacer(0, System.nanoTime() + Duration.ofHours(1).toNanos());

        pacer.awaitTurn(1_000_000); // returns at once, or the test would hang
        assertThat(pacer.dueNanos(5)).isEqualTo(pacer.dueNanos(0));
    }

    @Test
    void shouldRefuseAPlanWithoutAnEnd() {
        assertThatThrownBy(() -> SendPlan.steady(100, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SendPlan.asFastAsPossible(10, null).eventsPerSecond()).isZero();
    }
}
