package org.sitewatch.audit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sitewatch.audit.AuditException;

class ReadBudgetTest {

    @Test
    void shouldStopARequestPastItsDeadlineNamingTheSetting() throws Exception {
        ReadBudget budget = ReadBudget.of(Duration.ofMillis(50), "sitewatch.audit.request-deadline", () -> false);
        budget.check();
        await("the 50 ms deadline passed").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> budget.remaining().isZero());
        assertThatThrownBy(budget::check)
                .isInstanceOfSatisfying(AuditException.class, e -> assertThat(e.kind()).isEqualTo(AuditException.Kind.INCOMPLETE))
                .hasMessageContaining("did not finish within 50ms (sitewatch.audit.request-deadline)");
        assertThat(budget.remaining()).isZero();
    }

    @Test
    void shouldStopWhenTheClientIsGoneAskingItAtMostEveryHalfSecond() {
        AtomicBoolean gone = new AtomicBoolean();
        AtomicInteger asked = new AtomicInteger();
        ReadBudget budget = ReadBudget.of(Duration.ofMinutes(1), "sitewatch.audit.request-deadline", () -> {
            asked.incrementAndGet();
            return gone.get();
        });
        for (int i = 0; i < 1000; i++) {
            budget.check();
        }
        assertThat(asked).as("a poll loop checks often; the connection is looked up once per %d ms", ReadBudget.PROBE_MILLIS)
                .hasValue(1);
        gone.set(true);
        long start = System.nanoTime();
        AuditException stopped = null;
        while (stopped == null && System.nanoTime() - start < Duration.ofSeconds(2).toNanos()) {
            try {
                budget.check();
            } catch (AuditException e) {
                stopped = e;
            }
        }
        assertThat(stopped).isNotNull();
        assertThat(stopped.kind()).isEqualTo(AuditException.Kind.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(ReadBudget.PROBE_MILLIS + 300));
    }

    @Test
    void shouldNeverStopAnUnlimitedRead() {
        ReadBudget.UNLIMITED.check();
        assertThat(ReadBudget.UNLIMITED.remaining()).isNull();
    }
}
