package org.sitewatch.streams.topology;

import org.apache.kafka.common.serialization.Serde;
import org.sitewatch.events.EventData;
import org.sitewatch.events.Json;
import org.sitewatch.events.JsonValueSerde;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.events.SiteHealthView;
import org.sitewatch.core.fold.PairAggregate;
import org.sitewatch.core.fold.PairDelta;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.core.fold.SiteDelta;

/** The serdes of the topology's stores and repartition topic, one place to find them. */
public final class StoreSerdes {

    private StoreSerdes() {
    }

    /** {@code EntityRecord<D>} where D is the kind's data record. */
    public static <D extends EventData> JsonValueSerde<EntityRecord<D>> entityRecord(EntityKind kind) {
        return new JsonValueSerde<>(Json.MAPPER.getTypeFactory().constructParametricType(EntityRecord.class, kind.dataType()));
    }

    public static JsonValueSerde<org.sitewatch.core.alerts.AlertMemory> alertMemory() {
        return new JsonValueSerde<>(org.sitewatch.core.alerts.AlertMemory.class);
    }

    /** Binary ({@link DeltaCodec}): the site-deltas repartition topic carries one record per entity change. */
    public static Serde<SiteDelta> siteDelta() {
        return DeltaCodec.siteDeltaSerde();
    }

    public static JsonValueSerde<SiteAggregate> siteAggregate() {
        return new JsonValueSerde<>(SiteAggregate.class);
    }

    /** Binary ({@link DeltaCodec}), as the site deltas. */
    public static Serde<PairDelta> pairDelta() {
        return DeltaCodec.pairDeltaSerde();
    }

    public static JsonValueSerde<PairAggregate> pairAggregate() {
        return new JsonValueSerde<>(PairAggregate.class);
    }

    public static JsonValueSerde<SiteHealthView> siteHealthView() {
        return new JsonValueSerde<>(SiteHealthView.class);
    }
}
