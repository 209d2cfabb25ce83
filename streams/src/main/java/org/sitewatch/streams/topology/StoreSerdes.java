package org.sitewatch.streams.topology;

import org.sitewatch.events.EventData;
import org.sitewatch.events.Json;
import org.sitewatch.streams.fold.EntityKind;
import org.sitewatch.streams.fold.EntityRecord;
import org.sitewatch.events.SiteHealthView;
import org.sitewatch.streams.fold.PairAggregate;
import org.sitewatch.streams.fold.PairDelta;
import org.sitewatch.streams.fold.SiteAggregate;
import org.sitewatch.streams.fold.SiteDelta;

/** The serdes of the topology's stores and repartition topic, one place to find them. */
public final class StoreSerdes {

    private StoreSerdes() {
    }

    /** {@code EntityRecord<D>} where D is the kind's data record. */
    public static <D extends EventData> JsonSerde<EntityRecord<D>> entityRecord(EntityKind kind) {
        return new JsonSerde<>(Json.MAPPER.getTypeFactory().constructParametricType(EntityRecord.class, kind.dataType()));
    }

    public static JsonSerde<org.sitewatch.streams.alerts.AlertMemory> alertMemory() {
        return JsonSerde.of(org.sitewatch.streams.alerts.AlertMemory.class);
    }

    public static JsonSerde<SiteDelta> siteDelta() {
        return JsonSerde.of(SiteDelta.class);
    }

    public static JsonSerde<SiteAggregate> siteAggregate() {
        return JsonSerde.of(SiteAggregate.class);
    }

    public static JsonSerde<PairDelta> pairDelta() {
        return JsonSerde.of(PairDelta.class);
    }

    public static JsonSerde<PairAggregate> pairAggregate() {
        return JsonSerde.of(PairAggregate.class);
    }

    public static JsonSerde<SiteHealthView> siteHealthView() {
        return JsonSerde.of(SiteHealthView.class);
    }
}
