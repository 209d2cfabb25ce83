package org.sitewatch.core.fold;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;

/**
 * The whole fold in memory, for offline use (audit replay, as-of views, tests): the same steps the
 * topology runs, with maps instead of state stores. Unlike the topology it keeps every entity in
 * memory, and it re-evaluates RPOs and test-failover ages only when asked ({@link #reevaluate}), not on
 * a timer. It keeps no lag indexes: lag percentiles are a query-time feature of the live views.
 * Not thread-safe.
 */
public final class InMemoryEstate {

    private final HealthRules rules;
    private final SiteAggregator aggregator;
    private final Map<EntityKind, Map<String, EntityRecord<?>>> entities = new EnumMap<>(EntityKind.class);
    private final Map<String, SiteAggregate> sites = new TreeMap<>();
    private final Map<String, PairAggregate> pairs = new TreeMap<>();

    public InMemoryEstate(HealthRules rules, AggregateLimits limits) {
        this.rules = rules;
        this.aggregator = new SiteAggregator(limits);
        for (EntityKind kind : EntityKind.values()) {
            entities.put(kind, new HashMap<>());
        }
    }

    /** Folds one event, judging time-dependent conditions at {@code now}. */
    public FoldResult.Outcome apply(SitewatchEvent event, Instant now) {
        if (event.type() == EventType.HA_ACTION) {
            apply(EntityFold.actionDelta(event));
            return FoldResult.Outcome.APPLIED;
        }
        EntityKind kind = EntityKind.of(event.type()).orElseThrow();
        Map<String, EntityRecord<?>> store = entities.get(kind);
        FoldResult<?> result = fold(store.get(event.key()), event, kind.dataType(), now);
        if (result.changed()) {
            store.put(event.key(), result.record());
            apply(result.delta());
        }
        return result.outcome();
    }

    /** Re-evaluates every replicated item at {@code now}, as the topology's RPO timer would. */
    @SuppressWarnings("unchecked")
    public void reevaluate(Instant now) {
        for (Map.Entry<String, EntityRecord<?>> e : entities.get(EntityKind.REPLICATION).entrySet()) {
            EntityRecord<ReplicationStatus> current = (EntityRecord<ReplicationStatus>) e.getValue();
            FoldResult<ReplicationStatus> result = EntityFold.reevaluate(current, now, rules);
            if (result.changed()) {
                e.setValue(result.record());
                apply(result.delta());
            }
        }
    }

    public Optional<EntityRecord<?>> entity(EntityKind kind, String key) {
        return Optional.ofNullable(entities.get(kind).get(key));
    }

    /** Every entity of {@code kind} by key ({@code <site>/<entity id>}), removed ones included; a read-only live view. */
    public Map<String, EntityRecord<?>> entities(EntityKind kind) {
        return Collections.unmodifiableMap(entities.get(kind));
    }

    public Optional<SiteAggregate> site(String site) {
        return Optional.ofNullable(sites.get(site));
    }

    public Map<String, SiteAggregate> sites() {
        return Map.copyOf(sites);
    }

    public Optional<PairAggregate> pair(String pairKey) {
        return Optional.ofNullable(pairs.get(pairKey));
    }

    public Map<String, PairAggregate> pairs() {
        return Map.copyOf(pairs);
    }

    public SiteHealth health(String site, Instant now) {
        return SiteHealthEvaluator.evaluate(sites.getOrDefault(site, SiteAggregate.empty(site)), now, rules);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private FoldResult<?> fold(EntityRecord<?> current, SitewatchEvent event, Class<? extends EventData> type, Instant now) {
        return EntityFold.apply((EntityRecord) current, event, (Class) type, now, rules);
    }

    private void apply(SiteDelta delta) {
        if (delta == null) {
            return;
        }
        sites.put(delta.site(), aggregator.apply(sites.get(delta.site()), delta));
        for (PairDelta p : PairDelta.of(delta)) {
            PairAggregate next = PairAggregator.apply(pairs.get(p.pair()), p);
            if (next == null) {
                pairs.remove(p.pair());
            } else {
                pairs.put(p.pair(), next);
            }
        }
    }
}
