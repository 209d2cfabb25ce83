package org.sitewatch.collectors.vmware.replication;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.http.HttpRemedies;

/**
 * Reads the Site Recovery Manager REST gateway ({@code <srm-url>/api/rest/srm/v2}): protection
 * groups with their VMs, recovery plans, and each plan's history.
 *
 * <p>Assumption to confirm on a real SRM: the history path {@code /recovery-plans/{id}/history} and
 * its items {@code {id, operation: TEST|RECOVERY|CLEANUP|REPROTECT, result:
 * SUCCESS|WARNING|ERROR|CANCELLED|INCOMPLETE, start_time, end_time}} are not in the vendor notes
 * (only RecoveryPlanInfo and RecoveryPlanVmInfo are); they are the shape agreed with the simulator.
 * Likewise a plan's {@code protection_groups} list of group ids.
 */
final class SrmClient {

    static final String API_ROOT = "/api/rest/srm/v2";

    private final DrSession session;

    SrmClient(DrSession session) {
        this.session = session;
    }

    static URI apiRoot(URI appliance) {
        return DrPaths.apiRoot(appliance, API_ROOT);
    }

    static HttpRemedies remedies(String block, String vcenterLoginKey) {
        return DrRemedies.of(block, vcenterLoginKey, "Site Recovery Manager", "srm-url", "https://srm-a.example.org", API_ROOT,
                "permission to view protection groups and recovery plans in Site Recovery Manager");
    }

    /** ProtectionGroupInfo items: {@code id, name, replication_type, protected_site_name, recovery_site_name, status}. */
    List<JsonNode> protectionGroups() throws CollectorException {
        return session.list("/protection-groups");
    }

    /** The VMs of a group: {@code {id: vm-42, name, replication_status}}. */
    List<JsonNode> protectedVms(String groupId) throws CollectorException {
        return session.list("/protection-groups/" + DrPaths.segment(groupId) + "/virtual-machines");
    }

    /** RecoveryPlanInfo items, with {@code protection_groups: [group id, ...]}. */
    List<JsonNode> recoveryPlans() throws CollectorException {
        return session.list("/recovery-plans");
    }

    /** A plan's past runs (see the class comment: assumed shape). */
    List<JsonNode> history(String planId) throws CollectorException {
        return session.list("/recovery-plans/" + DrPaths.segment(planId) + "/history");
    }
}
