package org.sitewatch.streams.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitewatch.streams.fold.HealthRules;
import org.sitewatch.streams.fold.SiteAggregate;
import org.sitewatch.streams.fold.SiteAggregator;
import org.sitewatch.streams.fold.SiteDelta;
import org.sitewatch.streams.fold.SiteHealth;
import org.sitewatch.streams.fold.SiteHealthEvaluator;

/**
 * Applies site deltas to the site's aggregate and stores the site's verdict whenever it changes:
 * after each delta, and on a wall-clock punctuator that re-judges every site of the task, since a
 * collector going silent changes the verdict with no event at all. Sites are few (about a thousand),
 * so the periodic full scan is cheap enough; it reads whole aggregates, which is the known cost.
 * (The later site-health changelog topic will be fed from here.)
 */
final class SiteAggregatorProcessor implements Processor<String, SiteDelta, Void, Void> {

    private final SiteAggregator aggregator;
    private final HealthRules rules;
    private final Duration interval;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, SiteAggregate> store;

    SiteAggregatorProcessor(TopologySettings settings) {
        this.aggregator = new SiteAggregator(settings.limits());
        this.rules = settings.rules();
        this.interval = settings.punctuateInterval();
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(StoreNames.SITE_AGGREGATES);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::rejudgeAll);
    }

    @Override
    public void process(Record<String, SiteDelta> record) {
        SiteDelta delta = record.value();
        SiteAggregate next = aggregator.apply(store.get(delta.site()), delta);
        store.put(delta.site(), judged(next, Instant.ofEpochMilli(context.currentSystemTimeMs())));
    }

    private void rejudgeAll(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        List<SiteAggregate> changed = new ArrayList<>();
        try (KeyValueIterator<String, SiteAggregate> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, SiteAggregate> site = all.next();
                SiteAggregate judged = judged(site.value, now);
                if (judged != site.value) {
                    changed.add(judged);
                }
            }
        }
        changed.forEach(agg -> store.put(agg.site(), agg));
    }

    /** The aggregate with a fresh verdict, or the same instance when the verdict did not change. */
    private SiteAggregate judged(SiteAggregate agg, Instant now) {
        SiteHealth health = SiteHealthEvaluator.evaluate(agg, now, rules);
        return health.sameVerdict(agg.health()) ? agg : agg.withHealth(health);
    }
}
