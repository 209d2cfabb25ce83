package org.sitewatch.collectors.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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
 * @param partialTypes types this snapshot could not read completely (some vendor records were
 *     skipped): missing entities of these types are not treated as removed
 * @param unreadable parts the source could not read at all (a partial read, see {@link PartialRead}):
 *     known entities in these scopes keep their last published state, and records of them in
 *     {@code states} are ignored; the heartbeat names them
 */
public record Snapshot(Instant observedAt, List<EventData> states, List<HaAction> actions,
                       List<String> skipped, Set<EventType> partialTypes, List<PartialRead> unreadable) {

    public Snapshot {
        Objects.requireNonNull(observedAt, "observedAt");
        states = List.copyOf(states);
        actions = List.copyOf(actions);
        skipped = List.copyOf(skipped);
        partialTypes = partialTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(partialTypes));
        unreadable = List.copyOf(unreadable);
        for (EventData state : states) {
            // Actions and heartbeats are not entity states: they must not take part in change detection.
            if (state instanceof HaAction || state instanceof CollectorHeartbeat) {
                throw new IllegalArgumentException(state.getClass().getSimpleName() + " is not an entity state");
            }
        }
    }

    /** A snapshot that read everything it tried to. */
    public Snapshot(Instant observedAt, List<EventData> states, List<HaAction> actions, List<String> skipped,
                    Set<EventType> partialTypes) {
        this(observedAt, states, actions, skipped, partialTypes, List.of());
    }

    /** The unreadable scopes of one type. */
    public List<PartialRead> unreadable(EventType type) {
        return unreadable.stream().filter(p -> p.type() == type).collect(Collectors.toList());
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
        private final List<PartialRead> unreadable = new ArrayList<>();

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

        /** Entities of {@code type} in {@code scope} could not be read; see {@link PartialRead}. */
        public Builder unreadable(EventType type, Scope scope, String reason) {
            unreadable.add(new PartialRead(type, scope, reason));
            return this;
        }

        public Builder unreadable(PartialRead read) {
            unreadable.add(read);
            return this;
        }

        public Snapshot build() {
            return new Snapshot(observedAt, states, actions, skipped, partialTypes, unreadable);
        }
    }
}
