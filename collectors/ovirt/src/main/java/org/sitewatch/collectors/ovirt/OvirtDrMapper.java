package org.sitewatch.collectors.ovirt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/**
 * oVirt's active-passive disaster recovery as replication items. The storage array replicates a
 * primary storage domain to a secondary one; the engine shows the domains ({@code /storagedomains}:
 * {@code status}, {@code external_status}, {@code data_centers}) but not the replication, so the
 * pairs come from the endpoint's DR mapping and each pair's health from what the engine shows of
 * its two domains:
 * <ul>
 *   <li>primary not shown: UNKNOWN (the mapping names a domain the engine does not have);</li>
 *   <li>either domain's {@code external_status} error or failure (set by the storage vendor's plugin):
 *       FAILED, CRITICAL;</li>
 *   <li>secondary active while the primary is not: FAILED_OVER, WARNING;</li>
 *   <li>primary in maintenance, inactive or unattached: PAUSED, WARNING (its VMs write nothing);
 *       in a transition (locked, activating, ...): REPLICATING, WARNING;</li>
 *   <li>secondary not shown, or either external status warning: REPLICATING, WARNING;</li>
 *   <li>otherwise REPLICATING, OK.</li>
 * </ul>
 * An attached domain whose {@code status} the top-level list leaves out counts as serving. Lag,
 * last recovery point and RPO are not shown by the engine: they stay empty, never made up.
 */
final class OvirtDrMapper {

    static final String TECHNOLOGY = "ovirt-storage-dr";
    static final String NO_LAG = "replication lag not shown by the oVirt engine";

    private record Domain(String name, String status, String external, String dataCenterId) {

        boolean attached() {
            return dataCenterId != null;
        }

        /** The status word, or "attached" when the list leaves an attached domain's status out. */
        String statusWord() {
            return status != null ? status : attached() ? "attached" : "status not shown";
        }

        OvirtWords.DomainUse use() {
            return status == null && attached() ? OvirtWords.DomainUse.SERVING : OvirtWords.domain(status);
        }

        String describe(String role) {
            return role + " " + name + " " + statusWord() + "/" + (external == null ? "ok" : external);
        }
    }

    private final OvirtInventory inventory;

    OvirtDrMapper(OvirtInventory inventory) {
        this.inventory = inventory;
    }

    List<ReplicationStatus> map(List<JsonNode> storageDomains, List<OvirtSettings.DrMapping> mappings) {
        Map<String, Domain> byName = new HashMap<>();
        for (JsonNode sd : storageDomains) {
            String name = OvirtJson.text(sd, "name");
            if (name != null) {
                byName.put(name, new Domain(name, OvirtJson.word(sd, "status"), OvirtJson.word(sd, "external_status"),
                        firstDataCenter(sd)));
            }
        }
        List<ReplicationStatus> out = new ArrayList<>();
        for (OvirtSettings.DrMapping m : mappings) {
            out.add(pair(m, byName.get(m.primary()), byName.get(m.secondary())));
        }
        return out;
    }

    private ReplicationStatus pair(OvirtSettings.DrMapping m, Domain primary, Domain secondary) {
        String sourceSite = primary == null || !primary.attached() ? inventory.defaultSite()
                : inventory.siteOfDataCenter(primary.dataCenterId());
        List<String> vendor = new ArrayList<>();
        vendor.add(primary == null ? "primary " + m.primary() + " not shown" : primary.describe("primary"));
        vendor.add(secondary == null ? "secondary " + m.secondary() + " not shown" : secondary.describe("secondary"));
        vendor.add(NO_LAG);
        ReplicationState state;
        ReplicationHealth health;
        String error = null;
        if (primary == null) {
            state = ReplicationState.UNKNOWN;
            health = ReplicationHealth.UNKNOWN;
            error = "the engine shows no storage domain " + m.primary() + " (primary of the DR mapping)";
        } else if (failed(primary) || failed(secondary)) {
            state = ReplicationState.FAILED;
            health = ReplicationHealth.CRITICAL;
            error = "external status " + (failed(primary) ? primary.external() + " on the primary " + primary.name()
                    : secondary.external() + " on the secondary " + secondary.name());
        } else if (secondary != null && secondary.use() == OvirtWords.DomainUse.SERVING
                && primary.use() != OvirtWords.DomainUse.SERVING) {
            state = ReplicationState.FAILED_OVER;
            health = ReplicationHealth.WARNING;
        } else if (primary.use() == OvirtWords.DomainUse.IDLE) {
            state = ReplicationState.PAUSED;
            health = ReplicationHealth.WARNING;
            error = "the primary " + primary.name() + " is " + primary.statusWord();
        } else if (primary.use() == OvirtWords.DomainUse.UNKNOWN) {
            state = ReplicationState.UNKNOWN;
            health = ReplicationHealth.UNKNOWN;
        } else {
            state = ReplicationState.REPLICATING;
            boolean warn = primary.use() == OvirtWords.DomainUse.TRANSITION || secondary == null
                    || OvirtWords.external(primary.external()) != OvirtWords.Severity.OK
                    || OvirtWords.external(secondary.external()) != OvirtWords.Severity.OK;
            health = warn ? ReplicationHealth.WARNING : ReplicationHealth.OK;
            if (secondary == null) {
                error = "the engine shows no storage domain " + m.secondary() + " (secondary of the DR mapping)";
            }
        }
        return new ReplicationStatus(sourceSite, Platform.OVIRT, "dr/" + m.primary() + "/" + m.secondary(), null,
                m.primary() + " -> " + m.secondary(), sourceSite, m.secondarySite(), null, null, TECHNOLOGY, state, health,
                String.join("; ", vendor), null, null, null, null, null, error, false, true);
    }

    private static boolean failed(Domain d) {
        return d != null && OvirtWords.external(d.external()) == OvirtWords.Severity.FAILED;
    }

    /** The data center the domain is attached to: the first of {@code data_centers}, else {@code data_center}. */
    private static String firstDataCenter(JsonNode sd) {
        JsonNode list = sd.path("data_centers").path("data_center");
        if (list.isArray() && !list.isEmpty()) {
            return OvirtJson.text(list.get(0), "id");
        }
        return OvirtJson.linkId(sd, "data_center");
    }
}
