package org.sitewatch.collectors.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/** A DR pair's state and health from what the engine shows of its two storage domains; lag never invented. */
class OvirtDrMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OvirtSettings.DrMapping PAIR = new OvirtSettings.DrMapping("data-db", "data-db-dr", "madrid-dr");

    private final OvirtInventory inventory = new OvirtInventory("rome-dc7", Map.of("dc-madrid", "madrid-dr"));

    OvirtDrMapperTest() {
        inventory.dataCenterNames.put("dc1", "dc-rome");
        inventory.dataCenterNames.put("dc2", "dc-madrid");
    }

    @Test
    void shouldReplicateWhileThePrimaryServesAndBothExternalStatusesAreOk() throws Exception {
        ReplicationStatus item = map(domain("data-db", "active", "ok", "dc1"), domain("data-db-dr", "maintenance", "info", "dc2"));
        assertThat(item.itemId()).isEqualTo("dr/data-db/data-db-dr");
        assertThat(item.name()).isEqualTo("data-db -> data-db-dr");
        assertThat(item.sourceSite()).isEqualTo("rome-dc7");
        assertThat(item.site()).isEqualTo("rome-dc7");
        assertThat(item.targetSite()).isEqualTo("madrid-dr");
        assertThat(item.technology()).isEqualTo("ovirt-storage-dr");
        assertThat(item.state()).isEqualTo(ReplicationState.REPLICATING);
        assertThat(item.health()).isEqualTo(ReplicationHealth.OK);
        assertThat(item.vendorState()).isEqualTo("primary data-db active/ok; secondary data-db-dr maintenance/info; "
                + OvirtDrMapper.NO_LAG);
        assertThat(item.lagSeconds()).isNull();
        assertThat(item.lastRecoveryPoint()).isNull();
        assertThat(item.targetRpoSeconds()).isNull();
        assertThat(item.recoveryPointNotReported()).as("the engine shows no recovery points: not 'never synced'").isTrue();
        assertThat(EventValidator.problems(item)).isEmpty();
    }

    @Test
    void shouldFailOnAnErrorOrFailureExternalStatusOfEitherDomain() throws Exception {
        ReplicationStatus primary = map(domain("data-db", "active", "error", "dc1"), domain("data-db-dr", "maintenance", "ok", "dc2"));
        assertThat(primary.state()).isEqualTo(ReplicationState.FAILED);
        assertThat(primary.health()).isEqualTo(ReplicationHealth.CRITICAL);
        assertThat(primary.error()).isEqualTo("external status error on the primary data-db");
        ReplicationStatus secondary = map(domain("data-db", "active", "ok", "dc1"),
                domain("data-db-dr", "maintenance", "failure", "dc2"));
        assertThat(secondary.state()).isEqualTo(ReplicationState.FAILED);
        assertThat(secondary.error()).contains("failure on the secondary data-db-dr");
        ReplicationStatus warning = map(domain("data-db", "active", "warning", "dc1"), domain("data-db-dr", "maintenance", "ok", "dc2"));
        assertThat(warning.state()).isEqualTo(ReplicationState.REPLICATING);
        assertThat(warning.health()).isEqualTo(ReplicationHealth.WARNING);
    }

    @Test
    void shouldTellAFailoverAPausedPrimaryATransitionAndMissingDomains() throws Exception {
        ReplicationStatus failover = map(domain("data-db", "maintenance", "ok", "dc1"), domain("data-db-dr", "active", "ok", "dc2"));
        assertThat(failover.state()).isEqualTo(ReplicationState.FAILED_OVER);
        assertThat(failover.health()).isEqualTo(ReplicationHealth.WARNING);
        ReplicationStatus paused = map(domain("data-db", "maintenance", "ok", "dc1"), domain("data-db-dr", "maintenance", "ok", "dc2"));
        assertThat(paused.state()).isEqualTo(ReplicationState.PAUSED);
        assertThat(paused.error()).isEqualTo("the primary data-db is maintenance");
        ReplicationStatus locked = map(domain("data-db", "locked", "ok", "dc1"), domain("data-db-dr", "maintenance", "ok", "dc2"));
        assertThat(locked.state()).isEqualTo(ReplicationState.REPLICATING);
        assertThat(locked.health()).isEqualTo(ReplicationHealth.WARNING);
        ReplicationStatus odd = map(domain("data-db", "sideways", "ok", "dc1"), domain("data-db-dr", "maintenance", "ok", "dc2"));
        assertThat(odd.state()).isEqualTo(ReplicationState.UNKNOWN);
        assertThat(odd.vendorState()).startsWith("primary data-db sideways/ok");

        ReplicationStatus noSecondary = map(domain("data-db", "active", "ok", "dc1"));
        assertThat(noSecondary.state()).isEqualTo(ReplicationState.REPLICATING);
        assertThat(noSecondary.health()).isEqualTo(ReplicationHealth.WARNING);
        assertThat(noSecondary.error()).contains("no storage domain data-db-dr");
        ReplicationStatus noPrimary = map(domain("data-db-dr", "maintenance", "ok", "dc2"));
        assertThat(noPrimary.state()).isEqualTo(ReplicationState.UNKNOWN);
        assertThat(noPrimary.health()).isEqualTo(ReplicationHealth.UNKNOWN);
        assertThat(noPrimary.sourceSite()).isEqualTo("rome-dc7");
    }

    @Test
    void shouldCountAnAttachedDomainWithoutAStatusAsServingAndTakeTheSourceSiteFromItsDataCenter() throws Exception {
        JsonNode primary = JSON.readTree("{\"name\":\"data-db\",\"external_status\":\"ok\",\"data_center\":{\"id\":\"dc2\"}}");
        ReplicationStatus item = map(primary, domain("data-db-dr", "unattached", "ok", null));
        assertThat(item.state()).isEqualTo(ReplicationState.REPLICATING);
        assertThat(item.health()).isEqualTo(ReplicationHealth.OK);
        assertThat(item.sourceSite()).as("the primary stands in dc-madrid").isEqualTo("madrid-dr");
        assertThat(item.vendorState()).startsWith("primary data-db attached/ok; secondary data-db-dr unattached/ok");
    }

    private ReplicationStatus map(JsonNode... domains) {
        return new OvirtDrMapper(inventory).map(List.of(domains), List.of(PAIR)).get(0);
    }

    private static JsonNode domain(String name, String status, String external, String dataCenter) throws Exception {
        List<String> fields = new ArrayList<>(List.of("\"name\":\"" + name + "\"", "\"status\":\"" + status + "\"",
                "\"external_status\":\"" + external + "\"", "\"type\":\"data\""));
        if (dataCenter != null) {
            fields.add("\"data_centers\":{\"data_center\":[{\"id\":\"" + dataCenter + "\"}]}");
        }
        return JSON.readTree("{" + String.join(",", fields) + "}");
    }
}
