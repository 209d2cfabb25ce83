package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.Platform;

/**
 * Derives HA actions from how each HA service's {@code crm_state} (and node) changes between two
 * polls, since PVE has no event stream for them:
 * <ul>
 *   <li>entering {@code fence} → FENCE, {@code recovery} → RECOVERY, {@code migrate} or
 *       {@code relocate} → MIGRATE, {@code error} → ERROR;</li>
 *   <li>{@code started} after {@code fence}/{@code recovery} → RESTART, from the node it failed
 *       on to the node it runs on now (also when that is the same node, back after fencing);</li>
 *   <li>{@code started} on another node with nothing seen in between (a quick live migration
 *       between two polls) → MIGRATE with both nodes.</li>
 * </ul>
 * The action id is stable for a transition: {@code <sid>@<poll epoch seconds>:<crm_state>}.
 *
 * <p>Limits: the first poll only records a baseline (after a restart the collector cannot tell
 * whether it already reported the current states); transitions that start and end between two
 * polls are invisible except for the node change. Not thread-safe: polls are sequential.
 */
final class ProxmoxHaActionTracker {

    private static final Set<String> FAILOVER_STATES = Set.of("fence", "recovery");
    /** States a fenced service passes through before it runs again; the origin is kept meanwhile. */
    private static final Set<String> KEEP_ORIGIN = Set.of("fence", "recovery", "request_start",
            "request_start_balance", "freeze");

    private final String site;
    private Map<String, Seen> previous;

    /** @param origin the node the service failed on, while a failover is under way; else null */
    private record Seen(String crmState, String node, String origin) {
    }

    ProxmoxHaActionTracker(String site) {
        this.site = site;
    }

    /** Compares the services of this poll with the previous one and adds the actions to {@code out}. */
    void track(List<JsonNode> haEntries, String cluster, Instant now, Snapshot.Builder out) {
        Map<String, Seen> current = new HashMap<>();
        for (JsonNode e : haEntries) {
            String sid = PveJson.text(e, "sid");
            String crm = PveJson.text(e, "crm_state");
            if (!"service".equals(PveJson.text(e, "type")) || sid == null || crm == null) {
                continue;
            }
            String node = PveJson.text(e, "node");
            Seen before = previous == null ? null : previous.get(sid);
            current.put(sid, new Seen(crm, node, origin(before, crm, node)));
            if (before != null) {
                HaAction action = transition(sid, before, crm, node, cluster, now, detail(e));
                if (action != null) {
                    out.action(action);
                }
            }
        }
        previous = current;
    }

    private static String origin(Seen before, String crm, String node) {
        if (FAILOVER_STATES.contains(crm)) {
            return before != null && before.origin() != null ? before.origin() : node;
        }
        return before != null && KEEP_ORIGIN.contains(crm) ? before.origin() : null;
    }

    private HaAction transition(String sid, Seen before, String crm, String node, String cluster, Instant now,
                                String detail) {
        boolean changed = !crm.equals(before.crmState());
        HaActionKind kind = null;
        String from = before.node();
        String to = null;
        if (changed) {
            switch (crm) {
                case "fence":
                    kind = HaActionKind.FENCE;
                    break;
                case "recovery":
                    kind = HaActionKind.RECOVERY;
                    from = before.origin() != null ? before.origin() : before.node();
                    break;
                case "migrate":
                case "relocate":
                    kind = HaActionKind.MIGRATE;
                    break;
                case "error":
                    kind = HaActionKind.ERROR;
                    break;
                case "started":
                    if (before.origin() != null) {
                        kind = HaActionKind.RESTART;
                        from = before.origin();
                        to = node;
                    }
                    break;
                default:
                    break;
            }
        } else if ("started".equals(crm) && node != null && before.node() != null && !node.equals(before.node())) {
            kind = HaActionKind.MIGRATE;
            to = node;
        }
        if (kind == null) {
            return null;
        }
        String suffix = kind == HaActionKind.RESTART ? "restart" : changed ? crm : "moved";
        return new HaAction(site, Platform.PROXMOX, sid + "@" + now.getEpochSecond() + ":" + suffix, vmId(sid),
                cluster, kind, from, to, crm, detail);
    }

    /** {@code vm:100} → {@code 100}: the same id as the guest's VM record. */
    static String vmId(String sid) {
        int colon = sid.indexOf(':');
        return colon < 0 ? sid : sid.substring(colon + 1);
    }

    private static String detail(JsonNode e) {
        String state = PveJson.text(e, "state");
        String request = PveJson.text(e, "request_state");
        StringBuilder s = new StringBuilder();
        if (state != null) {
            s.append("state ").append(state);
        }
        if (request != null) {
            s.append(s.length() > 0 ? ", " : "").append("requested ").append(request);
        }
        return s.length() == 0 ? null : s.toString();
    }
}
