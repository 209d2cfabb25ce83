package org.sitewatch.core.view;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.sitewatch.core.fold.Contribution;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.InMemoryEstate;
import org.sitewatch.core.fold.PairAggregate;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.core.index.IndexKeys;
import org.sitewatch.core.index.LagIndexReader;
import org.sitewatch.core.index.SortedLagIndex;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.ReplicationStatus;

/**
 * An {@link EstateReader} over an {@link InMemoryEstate} (the audit's state at an instant, tests):
 * everything in one place, so the renderers' answers are whole. The lag indexes, which the topology
 * keeps by moving each item's entry on every change, are rebuilt here from the items' current
 * contributions: one entry per item and family at its current instant, the same content.
 *
 * <p>Limits: built for one rendering; reads the estate live, so fold nothing while rendering.
 */
public final class InMemoryEstateReader implements EstateReader {

    private final InMemoryEstate estate;
    private final UnaryOperator<SiteAggregate> storedVerdict;
    private final SortedLagIndex siteLagIndex = new SortedLagIndex();
    private final SortedLagIndex pairIndex = new SortedLagIndex();

    /**
     * @param storedVerdict the aggregate with the verdict the live site store would hold (its
     *     {@code since}); identity when the estate's own verdicts are those
     */
    public InMemoryEstateReader(InMemoryEstate estate, UnaryOperator<SiteAggregate> storedVerdict) {
        this.estate = estate;
        this.storedVerdict = storedVerdict;
        indexReplicatedItems();
    }

    public InMemoryEstateReader(InMemoryEstate estate) {
        this(estate, UnaryOperator.identity());
    }

    @Override
    public Optional<SiteAggregate> site(String site) {
        return estate.site(site).map(storedVerdict);
    }

    @Override
    public void forEachSite(Consumer<SiteAggregate> visitor) {
        estate.sites().values().stream().map(storedVerdict).forEach(visitor);
    }

    @Override
    public Optional<PairAggregate> pair(String pairKey) {
        return estate.pair(pairKey);
    }

    @Override
    public void forEachPair(Consumer<PairAggregate> visitor) {
        estate.pairs().values().forEach(visitor);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <D extends EventData> void forEachEntity(EntityKind kind, String site, Consumer<EntityRecord<D>> visitor) {
        for (Map.Entry<String, EntityRecord<?>> e : estate.entities(kind).entrySet()) {
            if (site == null || e.getKey().startsWith(site + "/")) {
                visitor.accept((EntityRecord<D>) e.getValue());
            }
        }
    }

    @Override
    public LagIndexReader siteLagIndex() {
        return siteLagIndex;
    }

    @Override
    public LagIndexReader pairIndex() {
        return pairIndex;
    }

    private void indexReplicatedItems() {
        this.<ReplicationStatus>forEachEntity(EntityKind.REPLICATION, null, record -> {
            ReplicationStatus item = record.data();
            String subject = EventType.REPLICATION_STATUS.subjectOf(item);
            Contribution c = record.contribution();
            siteLagIndex.add(item.site(), IndexKeys.RECOVERY, c.recoveryPoint(), subject);
            if (c.pair() != null) {
                pairIndex.add(c.pair(), IndexKeys.RECOVERY, c.recoveryPoint(), subject);
                pairIndex.add(c.pair(), IndexKeys.TEST, c.testFailover(), subject);
            }
        });
    }
}
