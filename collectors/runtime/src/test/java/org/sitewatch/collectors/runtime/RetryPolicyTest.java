package org.sitewatch.collectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(2), Duration.ofMinutes(5));

    @ParameterizedTest(name = "failure #{0}, permanent={1} -> {2}")
    @CsvSource({"1,false,PT15S", "2,false,PT30S", "3,false,PT1M", "4,false,PT2M", "5,false,PT2M", "60,false,PT2M",
        "1,true,PT5M", "9,true,PT5M"})
    void shouldBackOffExponentiallyUpToTheCapAndSlowlyAfterPermanentFailures(int failures, boolean permanent,
                                                                            Duration expected) {
        assertThat(policy.afterFailure(Duration.ofSeconds(15), failures, permanent)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "interval {0} -> {1}")
    @CsvSource({"PT5M,PT5M", "PT10M,PT10M"})
    void shouldNeverPollFasterThanTheIntervalWhileFailing(Duration interval, Duration expected) {
        assertThat(policy.afterFailure(interval, 3, false)).isEqualTo(expected);
        assertThat(policy.afterFailure(interval, 1, true)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "failure #{0}, Retry-After {1} -> {2}")
    @CsvSource({"1,PT1M,PT1M", "1,PT5S,PT15S", "4,PT1M,PT2M", "1,PT2H,PT5M"})
    void shouldWaitAtLeastTheVendorsRetryAfterButNotForHours(int failures, Duration retryAfter, Duration expected) {
        assertThat(policy.afterFailure(Duration.ofSeconds(15), failures, false, retryAfter)).isEqualTo(expected);
    }
}
