package org.sitewatch.collectors.citrix.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.Platform;

/**
 * A group of VDI machines (a delivery group, or the whole endpoint) as an {@code ha.cluster}, its id
 * the group's name (the machines' {@code cluster}); how
 * much of the capacity that should be serving users is registered with the brokers.
 *
 * <p>The machines that count are the ones expected to be registered: not in maintenance mode and
 * not deliberately powered off or suspended (power Off, Suspended, TurningOff, Suspending). A
 * machine whose power the broker cannot see (Unknown, Unavailable, its host lost) still counts, so
 * a farm whose hosting servers fail shows as unregistered rather than vanishing from the sum.
 * {@code hostsTotal} is that count, {@code hostsHealthy} the registered ones among them, and
 * {@code failoverCapacity} the number of further unregistrations that would take the group below
 * the threshold, 0 once it is below (the site is then degraded and HaFailoverCapacityLost fires);
 * null for a group with no machine expected to serve.
 */
public final class RegisteredShare {

    private final String site;
    private final int thresholdPercent;

    /** @param thresholdPercent the least registered share, in percent (1..100), for a group not to be degraded */
    public RegisteredShare(String site, int thresholdPercent) {
        if (thresholdPercent < 1 || thresholdPercent > 100) {
            throw new IllegalArgumentException("threshold must be 1..100 percent but was " + thresholdPercent);
        }
        this.site = site;
        this.thresholdPercent = thresholdPercent;
    }

    /** One cluster per delivery group; machines in no delivery group are left out. */
    public List<HaCluster> byDeliveryGroup(List<Machine> machines) {
        Map<String, List<Machine>> groups = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Machine m : machines) {
            if (m.groupId() != null) {
                groups.computeIfAbsent(m.groupId(), id -> new ArrayList<>()).add(m);
                names.putIfAbsent(m.groupId(), m.groupName());
            }
        }
        // Named by the group's name, as its machines' vm.state names their cluster (names are unique in a site).
        return groups.entrySet().stream().map(g -> cluster(names.get(g.getKey()), names.get(g.getKey()), g.getValue()))
                .toList();
    }

    /** One cluster for every machine the endpoint lists (a site or zone read as a whole). */
    public HaCluster whole(String clusterId, List<Machine> machines) {
        return cluster(clusterId, clusterId, machines);
    }

    HaCluster cluster(String id, String name, List<Machine> machines) {
        int expected = 0;
        int registered = 0;
        for (Machine m : machines) {
            if (expectedToServe(m)) {
                expected++;
                if ("Registered".equals(m.registration().name())) {
                    registered++;
                }
            }
        }
        Integer capacity = capacity(expected, registered);
        String state = expected == 0 ? "no machine expected to serve (" + machines.size() + " off or in maintenance)"
                : "registered " + registered + " of " + expected + " (" + (registered * 100 / expected)
                + "%), threshold " + thresholdPercent + "%" + (machines.size() > expected ? "; "
                + (machines.size() - expected) + " off or in maintenance" : "");
        return new HaCluster(site, Platform.CITRIX, id, name, null, expected, registered, capacity, null, state);
    }

    /** Unregistrations until the share is below the threshold; 0 when it is; null when nothing should serve. */
    Integer capacity(int expected, int registered) {
        if (expected == 0) {
            return null;
        }
        if ((long) registered * 100 < (long) thresholdPercent * expected) {
            return 0;
        }
        int leastRegistered = (thresholdPercent * expected + 99) / 100;
        return registered - leastRegistered + 1;
    }

    static boolean expectedToServe(Machine m) {
        if (m.maintenance()) {
            return false;
        }
        return switch (m.power().name()) {
            case "Off", "Suspended", "TurningOff", "Suspending" -> false;
            default -> true;
        };
    }
}
