package org.sitewatch.core.view;

import java.util.Optional;
import java.util.function.Consumer;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.PairAggregate;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.core.index.LagIndexReader;
import org.sitewatch.events.EventData;

/**
 * What the view renderers read: the folded state of some part of the estate. The streams app
 * implements it over the state stores of the partitions it owns (its query layer routes and merges
 * the parts of several instances); an offline estate ({@link InMemoryEstateReader}) over everything it
 * folded. Implementations may throw their own runtime exception when the state cannot be read now.
 */
public interface EstateReader {

    Optional<SiteAggregate> site(String site);

    /** Every site aggregate held here, in any order. */
    void forEachSite(Consumer<SiteAggregate> visitor);

    Optional<PairAggregate> pair(String pairKey);

    /** Every pair aggregate held here, in any order. */
    void forEachPair(Consumer<PairAggregate> visitor);

    /**
     * The latest state of every entity of {@code kind} held here, removed ones included, in any order.
     *
     * @param site only this site's entities; null: all
     */
    <D extends EventData> void forEachEntity(EntityKind kind, String site, Consumer<EntityRecord<D>> visitor);

    /** The sites' last recovery points ({@code site-lag-index}). */
    LagIndexReader siteLagIndex();

    /** The pairs' last recovery points and test failovers ({@code pair-index}). */
    LagIndexReader pairIndex();
}
