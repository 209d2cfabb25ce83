package org.sitewatch.streams.health;

import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.ThreadMetadata;
import org.sitewatch.streams.config.StreamsLifecycle;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Kafka Streams in {@code /actuator/health} (as {@code streams}): DOWN once the client stopped or is
 * stopping after it was started (ERROR, PENDING_ERROR, PENDING_SHUTDOWN, NOT_RUNNING), with its state and
 * the exception that made it shut itself down; UP while RUNNING, and while REBALANCING too, saying so
 * (the views answer 503 until the rebalance ends, but a rebalance is normal work, not a reason to
 * restart the process); UNKNOWN before it was started. While up, it also counts the active and standby
 * tasks this instance holds (its share of the work when several instances share the application id).
 */
public final class StreamsHealthIndicator implements HealthIndicator {

    /** The part name in {@link ComponentUp}'s gauge. */
    public static final String PART = "streams";

    private final StreamsLifecycle lifecycle;

    public StreamsHealthIndicator(StreamsLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public Health health() {
        KafkaStreams streams = lifecycle.get();
        State state = streams == null ? null : streams.state();
        Health health = of(state, lifecycle.started(), lifecycle.failure(), lifecycle::instanceId);
        if (state != State.RUNNING && state != State.REBALANCING) {
            return health;
        }
        // How much of the work this instance holds: with several instances, each holds a share.
        try {
            int active = 0;
            int standby = 0;
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                active += thread.activeTasks().size();
                standby += thread.standbyTasks().size();
            }
            return Health.status(health.getStatus()).withDetails(health.getDetails())
                    .withDetail("activeTasks", active).withDetail("standbyTasks", standby).build();
        } catch (RuntimeException e) {
            return health; // the client changed state meanwhile
        }
    }

    /** Whether the streams client works (UP), for {@link ComponentUp}'s gauge. */
    public boolean up() {
        KafkaStreams streams = lifecycle.get();
        return of(streams == null ? null : streams.state(), lifecycle.started(), lifecycle.failure(), lifecycle::instanceId)
                .getStatus().equals(Status.UP);
    }

    /**
     * The health for {@code state} (null: not created yet); {@code failure} is what made the client shut itself
     * down, if anything did.
     */
    static Health of(State state, boolean started, Throwable failure, Supplier<String> instanceId) {
        Health.Builder health;
        if (state == null || (state == State.CREATED && !started)) {
            health = Health.unknown().withDetail("state", state == null ? "NOT_CREATED" : state.name())
                    .withDetail("detail", "Kafka Streams is not started yet");
        } else if (state == State.RUNNING) {
            health = Health.up().withDetail("state", state.name());
        } else if (state == State.REBALANCING) {
            health = Health.up().withDetail("state", state.name())
                    .withDetail("detail", "the group is rebalancing: the views answer 503 until it ends");
        } else {
            health = Health.down().withDetail("state", state.name())
                    .withDetail("detail", failure == null ? "Kafka Streams is " + state + " (closed or closing)"
                            : "Kafka Streams shut itself down after an uncaught exception; the views answer 503 "
                            + "until the process is restarted");
            if (failure != null) {
                health.withDetail("cause", describe(failure));
                Throwable root = rootCause(failure);
                if (root != failure) {
                    health.withDetail("rootCause", describe(root));
                }
            }
        }
        String id = instanceId.get();
        if (id != null) {
            health.withDetail("instanceId", id);
        }
        return health.build();
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
