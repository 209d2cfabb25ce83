package org.sitewatch.collectors.libvirt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;
import org.sitewatch.events.VmState;

/**
 * What every host of one endpoint knows about its domains, and the one VM state each domain UUID is
 * published as. A domain is often defined on several hosts (shared or replicated storage, so it can
 * start on either) but runs on at most one: the VM is the record of a reachable host first, then a
 * running one, then the latest change. A VM is removed only when no host has it any more.
 *
 * <p>Not thread-safe: the collector's own thread owns it.
 */
final class DomainTable {

    private final EndpointConfig endpoint;
    /** uuid → host → record. */
    private final Map<String, Map<String, DomainRecord>> domains = new LinkedHashMap<>();
    private long seq;

    DomainTable(EndpointConfig endpoint) {
        this.endpoint = endpoint;
    }

    /** A full listing of one host replaces what the table knew of it. */
    void replaceHost(String host, List<DomainRecord> listed) {
        domains.values().forEach(byHost -> byHost.remove(host));
        for (DomainRecord r : listed) {
            domains.computeIfAbsent(r.uuid(), u -> new HashMap<>())
                    .put(host, new DomainRecord(r.uuid(), r.name(), host, r.power(), r.active(), r.persistent(), ++seq));
        }
        domains.values().removeIf(Map::isEmpty);
    }

    /**
     * Applies one lifecycle event of {@code host} and returns the VM state to publish: the domain's
     * merged state, or a removal when no host has it any more.
     *
     * @param current reads the domain from libvirt, for an event that does not say its power about a
     *     domain the table does not know yet (a running transient domain being defined)
     */
    VmState apply(String host, String uuid, String name, LifecycleEvents.Change change, Predicate<String> hostUp,
                  Supplier<DomainRecord> current) {
        Map<String, DomainRecord> byHost = domains.computeIfAbsent(uuid, u -> new HashMap<>());
        DomainRecord before = byHost.get(host);
        DomainRecord base = before != null ? before : change.power() == null ? current.get() : null;
        DomainPower power = change.domainPower() != null ? change.domainPower() : base.power();
        boolean active = change.active() != null ? change.active() : base != null && base.active();
        boolean persistent = change.persistent() != null ? change.persistent() : base == null || base.persistent();
        DomainRecord after = new DomainRecord(uuid, name != null ? name : base == null ? null : base.name(), host, power,
                active, persistent, ++seq);
        if (!active && !persistent) {
            byHost.remove(host);
            if (byHost.isEmpty()) {
                domains.remove(uuid);
                return state(after, true);
            }
        } else {
            byHost.put(host, after);
        }
        return state(pick(byHost, hostUp), false);
    }

    /** Every domain's merged state. */
    List<VmState> states(Predicate<String> hostUp) {
        List<VmState> out = new ArrayList<>(domains.size());
        domains.values().forEach(byHost -> out.add(state(pick(byHost, hostUp), false)));
        return out;
    }

    /** The domain's record on {@code host}, or null. */
    DomainRecord get(String host, String uuid) {
        Map<String, DomainRecord> byHost = domains.get(uuid);
        return byHost == null ? null : byHost.get(host);
    }

    private static DomainRecord pick(Map<String, DomainRecord> byHost, Predicate<String> hostUp) {
        return byHost.values().stream().max(Comparator.<DomainRecord, Boolean>comparing(r -> hostUp.test(r.host()))
                .thenComparing(DomainRecord::active).thenComparingLong(DomainRecord::seq)).orElseThrow();
    }

    private VmState state(DomainRecord r, boolean removed) {
        // Plain libvirt restarts nothing by itself: whether an HA manager (Pacemaker) covers the VM is unknown here.
        return new VmState(endpoint.siteOfHost(r.host()), Platform.LIBVIRT, r.uuid(), r.name(), r.host(), null,
                r.power().state(), r.power().word(), null, null, removed);
    }
}
