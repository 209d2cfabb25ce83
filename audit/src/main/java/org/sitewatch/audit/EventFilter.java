package org.sitewatch.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;

/**
 * Which events a replay keeps. Each list is a set of alternatives (OR); the lists combine with AND;
 * an empty list does not filter. Values are normalized and sorted, so a filter written to a manifest
 * reads back equal.
 *
 * <ul>
 *   <li>{@code sites}: the event's site; a replication event also matches by its source or target
 *       site, since a site pair's replication is about both sites.</li>
 *   <li>{@code peerSites}: replication events whose source or target site is one of these.</li>
 *   <li>{@code platforms}: the wire word ({@code proxmox}, {@code vsphere}, ...).</li>
 *   <li>{@code vms}: the vendor VM id of VM, replication and HA action events (ids repeat across
 *       sites: combine with {@code sites}).</li>
 *   <li>{@code entities}: a subject ({@code vm/paris-dc1/100}) or a record key ({@code paris-dc1/100}).</li>
 *   <li>{@code types}: CloudEvents type names ({@code org.sitewatch.vm.state.v1}).</li>
 * </ul>
 */
public record EventFilter(List<String> sites, List<String> peerSites, List<String> platforms, List<String> vms,
                          List<String> entities, List<String> types) {

    public EventFilter {
        sites = sorted(sites);
        peerSites = sorted(peerSites);
        platforms = sorted(platforms);
        vms = sorted(vms);
        entities = sorted(entities);
        types = sorted(types);
    }

    public static EventFilter none() {
        return new EventFilter(null, null, null, null, null, null);
    }

    /**
     * Builds a filter from user input: comma-separated values are split, platforms and types are
     * checked and normalized ({@link EventTypes#resolve}).
     *
     * @throws AuditException BAD_REQUEST for an unknown platform or type, listing the known ones
     */
    public static EventFilter of(Collection<String> sites, Collection<String> peerSites, Collection<String> platforms,
                                 Collection<String> vms, Collection<String> entities, Collection<String> types) {
        List<String> platformWords = new ArrayList<>();
        for (String p : split(platforms)) {
            try {
                platformWords.add(Platform.fromWire(p).wire());
            } catch (IllegalArgumentException e) {
                throw new AuditException(AuditException.Kind.BAD_REQUEST, "unknown platform '" + p + "': use one of "
                        + Arrays.stream(Platform.values()).map(Platform::wire).collect(Collectors.joining(", ")));
            }
        }
        List<String> typeNames = split(types).stream().map(t -> EventTypes.resolve(t).typeName()).toList();
        return new EventFilter(split(sites), split(peerSites), platformWords, split(vms), split(entities), typeNames);
    }

    public boolean matches(SitewatchEvent event) {
        EventData d = event.data();
        if (!types.isEmpty() && !types.contains(event.type().typeName())) {
            return false;
        }
        if (!platforms.isEmpty() && (d.platform() == null || !platforms.contains(d.platform().wire()))) {
            return false;
        }
        if (!sites.isEmpty() && !touchesAny(d, sites)) {
            return false;
        }
        if (!peerSites.isEmpty() && !(d instanceof ReplicationStatus r
                && (contains(peerSites, r.sourceSite()) || contains(peerSites, r.targetSite())))) {
            return false;
        }
        String vmId = vmIdOf(d);
        if (!vms.isEmpty() && (vmId == null || !vms.contains(vmId))) {
            return false;
        }
        return entities.isEmpty() || entities.contains(event.subject()) || entities.contains(event.key());
    }

    /** True when nothing is filtered. */
    @JsonIgnore
    public boolean isEmpty() {
        return sites.isEmpty() && peerSites.isEmpty() && platforms.isEmpty() && vms.isEmpty() && entities.isEmpty()
                && types.isEmpty();
    }

    /** One line for humans, e.g. {@code site=paris-dc1 type=org.sitewatch.vm.state.v1}, or {@code none}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "site", sites);
        add(parts, "peer-site", peerSites);
        add(parts, "platform", platforms);
        add(parts, "vm", vms);
        add(parts, "entity", entities);
        add(parts, "type", types);
        return parts.isEmpty() ? "none" : String.join(" ", parts);
    }

    /** Whether the event's site, or a replication event's source or target site, is one of {@code names}. */
    public static boolean touchesAny(EventData d, Collection<String> names) {
        if (d.site() != null && names.contains(d.site())) {
            return true;
        }
        return d instanceof ReplicationStatus r && (contains(names, r.sourceSite()) || contains(names, r.targetSite()));
    }

    /** Immutable lists refuse {@code contains(null)}; a missing value matches nothing. */
    private static boolean contains(Collection<String> values, String value) {
        return value != null && values.contains(value);
    }

    private static String vmIdOf(EventData d) {
        // Java 17: no pattern matching in switch, hence the instanceof chain.
        if (d instanceof VmState vm) {
            return vm.vmId();
        } else if (d instanceof ReplicationStatus r) {
            return r.vmId();
        } else if (d instanceof HaAction a) {
            return a.vmId();
        }
        return null;
    }

    private static void add(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + "=" + String.join(",", values));
        }
    }

    private static List<String> split(Collection<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    private static List<String> sorted(List<String> values) {
        return values == null ? List.of() : List.copyOf(new TreeSet<>(values));
    }
}
