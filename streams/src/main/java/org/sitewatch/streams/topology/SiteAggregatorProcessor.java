package org.sitewatch.streams.topology;

import org.sitewatch.core.index.IndexKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitewatch.events.SiteHealthView;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.core.fold.SiteAggregator;
import org.sitewatch.streams.metrics.StreamCounters;
import org.sitewatch.core.fold.SiteDelta;
import org.sitewatch.core.fold.SiteHealth;
import org.sitewatch.core.fold.SiteHealthEvaluator;
import org.sitewatch.core.fold.SiteHealthViews;

/**
 * Applies site deltas to the site's aggregate, keeps the site's index of last recovery points (worst
 * lag at query time), stores the site's verdict whenever it changes, and publishes the site's
 * {@link SiteHealthView} downstream (to the compacted site-health topic):
 * <ul>
 *   <li>at once when a delta changes the verdict;</li>
 *   <li>on a wall-clock punctuator, which re-judges every site of the task (a collector going silent
 *       changes the verdict with no event at all) and publishes sites whose view differs from the one
 *       last published, so count changes go out at most once per interval, not once per event.</li>
 * </ul>
 * Sites whose counts changed are remembered in memory; after a restart every site is compared once, so a
 * change not yet published before a crash still goes out. Sites are few (about a thousand), so the
 * periodic full scan is cheap; it reads whole aggregates, which is the known cost.
 */
final class SiteAggregatorProcessor implements Processor<String, SiteDelta, String, SiteHealthView> {

    private final SiteAggregator aggregator;
    private final HealthRules rules;
    private final Duration interval;
    private final Set<String> unpublished = new HashSet<>();
    private boolean compareAll = true;
    private ProcessorContext<String, SiteHealthView> context;
    private KeyValueStore<String, SiteAggregate> store;
    private KeyValueStore<String, String> index;
    private KeyValueStore<String, SiteHealthView> published;

    SiteAggregatorProcessor(TopologySettings settings) {
        this.aggregator = new SiteAggregator(settings.limits());
        this.rules = settings.rules();
        this.interval = settings.punctuateInterval();
    }

    @Override
    public void init(ProcessorContext<String, SiteHealthView> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.SITE_AGGREGATES);
        this.index = context.getStateStore(StoreNames.SITE_LAG_INDEX);
        this.published = context.getStateStore(StoreNames.SITE_HEALTH_PUBLISHED);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::rejudgeAll);
    }

    @Override
    public void process(Record<String, SiteDelta> record) {
        SiteDelta delta = record.value();
        StreamCounters.haAction(delta.site(), delta.action() == null ? null : delta.action().action());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        SiteAggregate current = store.get(delta.site());
        SiteAggregate judged = judged(aggregator.apply(current, delta), now);
        store.put(delta.site(), judged);
        IndexUpdates.move(index, delta.site(), IndexKeys.RECOVERY, delta.subject(),
                delta.before().recoveryPoint(), delta.after().recoveryPoint());
        if (current == null || !judged.health().sameVerdict(current.health())) {
            publish(judged, now);
        } else {
            unpublished.add(delta.site());
        }
    }

    private void rejudgeAll(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        List<KeyValue<SiteAggregate, Boolean>> sites = new ArrayList<>();
        // Collected first: the store is changed below, which an open iterator need not tolerate.
        try (KeyValueIterator<String, SiteAggregate> all = store.all()) {
            while (all.hasNext()) {
                SiteAggregate agg = all.next().value;
                SiteAggregate judged = judged(agg, now);
                sites.add(KeyValue.pair(judged, judged != agg));
            }
        }
        for (KeyValue<SiteAggregate, Boolean> site : sites) {
            if (site.value) {
                store.put(site.key.site(), site.key);
            }
            if (site.value || compareAll || unpublished.contains(site.key.site())) {
                publish(site.key, now);
            }
        }
        unpublished.clear();
        compareAll = false;
    }

    /** Sends the site's view unless it equals the one last sent. */
    private void publish(SiteAggregate agg, Instant now) {
        SiteHealthView view = SiteHealthViews.published(agg, agg.health(), agg.health().asOf(), now, rules);
        if (view.equals(published.get(agg.site()))) {
            return;
        }
        published.put(agg.site(), view);
        context.forward(new Record<>(agg.site(), view, now.toEpochMilli()));
    }

    /** The aggregate with a fresh verdict, or the same instance when the verdict did not change. */
    private SiteAggregate judged(SiteAggregate agg, Instant now) {
        SiteHealth health = SiteHealthEvaluator.evaluate(agg, now, rules);
        return health.sameVerdict(agg.health()) ? agg : agg.withHealth(health);
    }
}
