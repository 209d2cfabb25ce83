package org.sitewatch.streams.topology;

import org.sitewatch.core.index.IndexKeys;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.sitewatch.core.fold.PairAggregate;
import org.sitewatch.core.fold.PairAggregator;
import org.sitewatch.core.fold.PairDelta;

/**
 * Applies pair deltas to the pair's aggregate and keeps the pair's index of last recovery points and
 * last test failovers ({@link IndexKeys}), from which the views compute worst / p95 lag and the
 * newest and oldest test failover at query time. A pair whose last item left is deleted. No timer: the
 * replication fold's deadline timer already sends the deltas that time alone causes.
 */
final class PairAggregatorProcessor implements Processor<String, PairDelta, Void, Void> {

    private KeyValueStore<String, PairAggregate> store;
    private KeyValueStore<String, String> index;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(StoreNames.PAIR_AGGREGATES);
        this.index = context.getStateStore(StoreNames.PAIR_INDEX);
    }

    @Override
    public void process(Record<String, PairDelta> record) {
        PairDelta delta = record.value();
        PairAggregate next = PairAggregator.apply(store.get(delta.pair()), delta);
        if (next == null) {
            store.delete(delta.pair());
        } else {
            store.put(delta.pair(), next);
        }
        IndexUpdates.move(index, delta.pair(), IndexKeys.RECOVERY, delta.subject(),
                delta.before().recoveryPoint(), delta.after().recoveryPoint());
        IndexUpdates.move(index, delta.pair(), IndexKeys.TEST, delta.subject(),
                delta.before().testFailover(), delta.after().testFailover());
    }
}
