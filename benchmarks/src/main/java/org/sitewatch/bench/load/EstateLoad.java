package org.sitewatch.bench.load;

import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.sitewatch.events.EventData;
import org.sitewatch.events.SitewatchEvent;

/**
 * A synthetic estate as its collectors report it, as Sitewatch events: first the initial inventory
 * (every cluster, host, VM and replicated item once, and one heartbeat per collector, site by site),
 * then an endless series of changes drawn by the shape's {@link ChangeMix}. Every event is what a
 * Proxmox collector would publish: source {@code /sitewatch/collectors/proxmox/<collector>}, key
 * {@code <site>/<entity id>}, a deterministic id ({@link SitewatchEvent#observed}), and an event time
 * later than the previous event's.
 *
 * <p>With the same shape (seed included) and a {@link EventClock#steady steady} clock, two loads
 * produce the same events. Not thread-safe: one load feeds one producer.
 */
public final class EstateLoad {

    private final EstateShape shape;
    private final EventClock clock;
    private final SplittableRandom random;
    private final SyntheticSite[] sites;
    private final ChangeMix mix;

    public EstateLoad(EstateShape shape, EventClock clock) {
        this.shape = shape;
        this.clock = clock;
        this.random = new SplittableRandom(shape.seed());
        this.sites = new SyntheticSite[shape.sites()];
        SplittableRandom layout = random.split();
        for (int i = 0; i < sites.length; i++) {
            sites[i] = new SyntheticSite(shape, i, layout);
        }
        this.mix = possibleMix(shape);
    }

    public EstateShape shape() {
        return shape;
    }

    /** The shape's mix without the kinds this estate cannot have (no replicated items, no VM to delete). */
    public ChangeMix mix() {
        return mix;
    }

    private static ChangeMix possibleMix(EstateShape shape) {
        ChangeMix mix = shape.mix();
        if (shape.replicatedPerSite() == 0) {
            mix = mix.with(ChangeKind.LAG, 0).with(ChangeKind.REPLICATION_FAILURE, 0);
        }
        if (shape.replicatedPerSite() == shape.vmsPerSite()) {
            mix = mix.with(ChangeKind.VM_REMOVAL, 0);
        }
        if (mix.totalWeight() == 0) {
            throw new IllegalArgumentException("none of the mix's changes is possible in this estate: " + shape);
        }
        return mix;
    }

    /** The initial inventory, {@link EstateShape#inventorySize()} events, built as they are read. */
    public Iterator<SitewatchEvent> initialInventory() {
        return new Iterator<>() {
            private int site;
            private int entity;

            @Override
            public boolean hasNext() {
                return site < sites.length;
            }

            @Override
            public SitewatchEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SyntheticSite s = sites[site];
                Instant time = clock.next();
                EventData data = s.inventory(entity, time, random);
                if (++entity == s.entityCount()) {
                    entity = 0;
                    site++;
                }
                return SitewatchEvent.observed(s.source(), time, data);
            }
        };
    }

    /** The next change, drawn by the mix on a random site. */
    public Change nextChange() {
        ChangeKind kind = mix.pick(random);
        SyntheticSite site = sites[random.nextInt(sites.length)];
        Instant time = clock.next();
        EventData data = switch (kind) {
            case POWER -> site.powerChange(random);
            case LAG -> site.lagChange(time, random);
            case HOST_FAILURE -> site.hostFailureChange(random);
            case REPLICATION_FAILURE -> site.replicationFailureChange(time, random);
            case VM_REMOVAL -> site.vmRemovalChange(random);
            case HA_ACTION -> site.haActionChange(time, random);
            case HEARTBEAT -> site.heartbeatChange(time, random);
        };
        return new Change(kind, SitewatchEvent.observed(site.source(), time, data));
    }

    /** Endless changes. */
    public Iterator<Change> changes() {
        return endless(this::nextChange);
    }

    /** Endless changes, just their events. */
    public Iterator<SitewatchEvent> changeEvents() {
        return endless(() -> nextChange().event());
    }

    /** The inventory, then endless changes: what a producer sends. */
    public Iterator<SitewatchEvent> events() {
        Iterator<SitewatchEvent> inventory = initialInventory();
        return endless(() -> inventory.hasNext() ? inventory.next() : nextChange().event());
    }

    private static <T> Iterator<T> endless(Supplier<T> next) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public T next() {
                return next.get();
            }
        };
    }
}
