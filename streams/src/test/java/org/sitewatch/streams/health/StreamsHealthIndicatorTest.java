package org.sitewatch.streams.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class StreamsHealthIndicatorTest {

    @Test
    void shouldBeUpWhileRunningAndWhileRebalancingSayingTheViewsWait() {
        assertThat(StreamsHealthIndicator.of(State.RUNNING, true, null, () -> "sw-1").getStatus()).isEqualTo(Status.UP);
        Health rebalancing = StreamsHealthIndicator.of(State.REBALANCING, true, null, () -> "sw-1");
        assertThat(rebalancing.getStatus()).isEqualTo(Status.UP);
        assertThat(rebalancing.getDetails()).containsEntry("state", "REBALANCING").containsEntry("instanceId", "sw-1");
        assertThat(rebalancing.getDetails().get("detail").toString()).contains("503");
    }

    @Test
    void shouldBeUnknownBeforeStart() {
        assertThat(StreamsHealthIndicator.of(null, false, null, () -> null).getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(StreamsHealthIndicator.of(State.CREATED, false, null, () -> null).getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void shouldBeDownOnceStoppingOrStoppedAfterStart() {
        for (State state : new State[] {State.PENDING_SHUTDOWN, State.NOT_RUNNING, State.PENDING_ERROR, State.ERROR}) {
            Health health = StreamsHealthIndicator.of(state, true, null, () -> null);
            assertThat(health.getStatus()).as("%s", state).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).as("%s", state).containsEntry("state", state.name()).doesNotContainKey("cause");
        }
    }

    @Test
    void shouldNameTheExceptionThatShutTheClientDownAndItsRootCause() {
        StreamsException failure = new StreamsException("task 0_1 failed", new MissingSourceTopicException("Missing source topics"));

        Health health = StreamsHealthIndicator.of(State.ERROR, true, failure, () -> null);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "ERROR")
                .containsEntry("cause", StreamsException.class.getName() + ": task 0_1 failed")
                .containsEntry("rootCause", MissingSourceTopicException.class.getName() + ": Missing source topics");
    }

    @Test
    void shouldPublishTheComponentGaugeAsOneOrZero() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicBoolean up = new AtomicBoolean(true);
        ComponentUp.register(registry, "streams", up::get);

        assertThat(registry.get("sitewatch.component.up").tag("part", "streams").gauge().value()).isEqualTo(1.0);
        up.set(false);
        assertThat(registry.get("sitewatch.component.up").tag("part", "streams").gauge().value()).isZero();
    }
}
