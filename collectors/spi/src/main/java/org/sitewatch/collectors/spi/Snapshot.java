package org.sitewatch.collectors.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaAction;

/**
 * The full state one endpoint exposed at one instant, as normalized records.
 *
 * @param observedAt the event time of every record in it (the poll's instant on the collector's clock)
 * @param states current entity states (VM, HA host, HA cluster, replication); an entity of a
 *     complete type that was known before and is missing here counts as removed
 * @param actions one-off HA actions seen since the previous snapshot; always published
 * @param skipped one readable reason per vendor record that could not be mapped and was left out
 * @param partialTypes types this snapshot could not read completely: missing entities of these
 *     types are not treated as removed
 */
public record Snapshot(Instant observedAt, List<EventData> states, List<HaAction> actions,
                       List<String> skipped, Set<EventType> partialTypes) {

    public Snapshot {
        Objects.requireNonNull(observedAt, "observedAt");
        states = List.copyOf(states);
        actions = List.copyOf(actions);
        skipped = List.copyOf(skipped);
        partialTypes = partialTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(partialTypes));
        for (EventData state : states) {
            // Actions and heartbeats are not entity states: they must not take part in change detection.
            if (state instanceof HaAction || state instanceof CollectorHeartbeat) {
                throw new IllegalArgumentException(state.getClass().getSimpleName() + " is not an entity state");
            }
        }
    }

    public static Builder builder(Instant observedAt) {
        return new Builder(observedAt);
    }

    /** Collects a snapshot's parts while a mapper walks the vendor's answers. Not thread-safe. */
    public static final class Builder {
        private final Instant observedAt;
        private final List<EventData> states = new ArrayList<>();
        private final List<HaAction> actions = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        private final Set<EventType> partialTypes = EnumSet.noneOf(EventType.class);

        private Builder(Instant observedAt) {
            this.observedAt = Objects.requireNonNull(observedAt, "observedAt");
        }

        public Instant observedAt() {
            return observedAt;
        }

        public Builder state(EventData state) {
            states.add(state);
            return this;
        }

        public Builder action(HaAction action) {
            actions.add(action);
            return this;
        }

        public Builder skipped(String reason) {
            skipped.add(reason);
            return this;
        }

        public Builder partial(EventType type) {
            partialTypes.add(type);
            return this;
        }

        public Snapshot build() {
            return new Snapshot(observedAt, states, actions, skipped, partialTypes);
        }
    }
}
