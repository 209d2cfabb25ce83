package org.sitewatch.collectors.vmware.replication;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitewatch.collectors.spi.CollectorException;

/**
 * Finds, from Site Recovery Manager, when each protected VM was last tested: the newest
 * {@code TEST} run with result {@code SUCCESS} in the history of any recovery plan covering one of
 * the VM's protection groups (its end, else its start). Runs that ended with WARNING, ERROR,
 * CANCELLED or INCOMPLETE do not count, nor do RECOVERY, CLEANUP and REPROTECT runs.
 *
 * <p>Groups protected at another Sitewatch site (their {@code protected_site_name} is in
 * {@code sites} with another site) are left out: their VM ids are moRefs of the other vCenter and
 * could collide with local ones. Only plans covering a group left in are asked for their history.
 */
final class TestFailovers {

    private final String site;
    private final ReplicationSettings settings;

    TestFailovers(String site, ReplicationSettings settings) {
        this.site = site;
        this.settings = settings;
    }

    /** VM moRef → its newest successful test; VMs never tested are absent. */
    Map<String, Instant> read(SrmClient srm) throws CollectorException {
        Map<String, Set<String>> groupsOfVm = new HashMap<>();
        for (JsonNode group : srm.protectionGroups()) {
            String groupId = Json.text(group, "id");
            if (groupId == null || protectedElsewhere(group)) {
                continue;
            }
            for (JsonNode vm : srm.protectedVms(groupId)) {
                String vmId = Json.text(vm, "id");
                if (vmId != null) {
                    groupsOfVm.computeIfAbsent(vmId, k -> new HashSet<>()).add(groupId);
                }
            }
        }
        Set<String> wanted = new HashSet<>();
        groupsOfVm.values().forEach(wanted::addAll);
        Map<String, Instant> newestOfGroup = new HashMap<>();
        for (JsonNode plan : srm.recoveryPlans()) {
            String planId = Json.text(plan, "id");
            Set<String> covered = groupIds(plan);
            covered.retainAll(wanted);
            if (planId == null || covered.isEmpty()) {
                continue;
            }
            Instant newest = newestSuccessfulTest(srm.history(planId));
            if (newest != null) {
                covered.forEach(g -> newestOfGroup.merge(g, newest, TestFailovers::later));
            }
        }
        Map<String, Instant> byVm = new HashMap<>();
        groupsOfVm.forEach((vm, groups) -> groups.stream().map(newestOfGroup::get).filter(t -> t != null)
                .reduce(TestFailovers::later).ifPresent(t -> byVm.put(vm, t)));
        return byVm;
    }

    private boolean protectedElsewhere(JsonNode group) {
        return settings.siteOf(Json.text(group, "protected_site_name")).filter(s -> !s.equals(site)).isPresent();
    }

    private static Set<String> groupIds(JsonNode plan) {
        Set<String> ids = new HashSet<>();
        JsonNode groups = plan.get("protection_groups");
        if (groups != null && groups.isArray()) {
            groups.forEach(g -> {
                String id = g.isObject() ? Json.text(g, "id") : g.isTextual() ? g.asText().trim() : null;
                if (id != null && !id.isEmpty()) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    /** The newest successful TEST run; runs with an unreadable time are passed over. */
    static Instant newestSuccessfulTest(List<JsonNode> runs) {
        Instant newest = null;
        for (JsonNode run : runs) {
            if (!"TEST".equalsIgnoreCase(Json.text(run, "operation")) || !"SUCCESS".equalsIgnoreCase(Json.text(run, "result"))) {
                continue;
            }
            Instant at = time(Json.text(run, "end_time"));
            at = at != null ? at : time(Json.text(run, "start_time"));
            if (at != null) {
                newest = newest == null ? at : later(newest, at);
            }
        }
        return newest;
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
