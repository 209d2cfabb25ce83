package org.sitewatch.collectors.ovirt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;

/** Every HA code of the table becomes its action when it links a VM; host-only and other codes are not published. */
class OvirtEventMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private final OvirtInventory inventory = inventory();

    private static OvirtInventory inventory() {
        OvirtInventory inventory = new OvirtInventory("rome-dc7", Map.of("dc-madrid", "madrid-dr"));
        inventory.hostNames.put("h1", "hv01");
        inventory.hostNames.put("h2", "hv02");
        inventory.clusterNames.put("c1", "rhv-rome");
        inventory.clusterNames.put("c2", "rhv-madrid");
        inventory.clusterDataCenters.put("c2", "dc2");
        inventory.dataCenterNames.put("dc2", "dc-madrid");
        inventory.vmNames.put("v1", "db01");
        inventory.vmClusters.put("v1", "rhv-rome");
        inventory.vmSites.put("v1", "rome-dc7");
        return inventory;
    }

    @Test
    void shouldMapEveryCodeOfTheTableWithItsKind() throws Exception {
        Map<Integer, HaActionKind> expected = Map.ofEntries(Map.entry(9602, HaActionKind.OTHER),
                Map.entry(9603, HaActionKind.ERROR), Map.entry(9605, HaActionKind.ERROR), Map.entry(506, HaActionKind.RESTART),
                Map.entry(507, HaActionKind.ERROR), Map.entry(12, HaActionKind.OTHER), Map.entry(9008, HaActionKind.OTHER),
                Map.entry(9027, HaActionKind.OTHER), Map.entry(539, HaActionKind.FENCE), Map.entry(540, HaActionKind.ERROR),
                Map.entry(9017, HaActionKind.FENCE), Map.entry(9018, HaActionKind.FENCE), Map.entry(9019, HaActionKind.ERROR),
                Map.entry(9000, HaActionKind.OTHER), Map.entry(121, HaActionKind.FENCE), Map.entry(143, HaActionKind.FENCE),
                Map.entry(119, HaActionKind.OTHER), Map.entry(62, HaActionKind.OTHER), Map.entry(67, HaActionKind.OTHER),
                Map.entry(63, HaActionKind.MIGRATE), Map.entry(65, HaActionKind.ERROR), Map.entry(126, HaActionKind.OTHER),
                Map.entry(139, HaActionKind.OTHER));
        assertThat(OvirtEventCodes.CODES.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<Integer, HaActionKind> e : expected.entrySet()) {
            HaAction action = action(event(e.getKey(), "\"vm\":{\"id\":\"v1\"},\"host\":{\"id\":\"h2\"}"));
            assertThat(action.action()).as("code %s", e.getKey()).isEqualTo(e.getValue());
            assertThat(action.vendorState()).startsWith(e.getKey() + " " + OvirtEventCodes.CODES.get(e.getKey()).name());
            assertThat(EventValidator.problems(action)).isEmpty();
        }
    }

    @Test
    void shouldResolveLinksToNamesAndPutTheHostOnTheRightSide() throws Exception {
        HaAction restart = action(event(506, "\"vm\":{\"id\":\"v1\"},\"host\":{\"id\":\"h2\"}"));
        assertThat(restart.actionId()).isEqualTo("88214");
        assertThat(restart.vmId()).isEqualTo("v1");
        assertThat(restart.site()).isEqualTo("rome-dc7");
        assertThat(restart.cluster()).isEqualTo("rhv-rome");
        assertThat(restart.toHost()).isEqualTo("hv02");
        assertThat(restart.fromHost()).isNull();
        assertThat(restart.vendorState()).isEqualTo("506 VDS_INITIATED_RUN_VM (normal)");
        assertThat(restart.detail()).isEqualTo("Trying to restart VM db01 on Host hv02");

        HaAction failed = action(event(9602, "\"vm\":{\"id\":\"v1\"},\"host\":{\"id\":\"h1\"}").put("severity", "ERROR"));
        assertThat(failed.fromHost()).isEqualTo("hv01");
        assertThat(failed.toHost()).isNull();
        assertThat(failed.vendorState()).isEqualTo("9602 HA_VM_FAILED (error)");

        // A VM the last poll did not see: its site from the event's cluster link; an unknown host stays its id.
        HaAction unknown = action(event(506, "\"vm\":{\"id\":\"v7\"},\"host\":{\"id\":\"h9\"},\"cluster\":{\"id\":\"c2\"}")
                .put("severity", "blinking"));
        assertThat(unknown.site()).isEqualTo("madrid-dr");
        assertThat(unknown.cluster()).isEqualTo("rhv-madrid");
        assertThat(unknown.toHost()).isEqualTo("h9");
        assertThat(unknown.vendorState()).as("an unknown severity kept raw").endsWith("(blinking)");
    }

    @Test
    void shouldNotPublishHostOnlyOrOtherCodes() throws Exception {
        OvirtEventMapper mapper = new OvirtEventMapper(inventory);
        OvirtEventMapper.Result hostOnly = mapper.map(event(12, "\"host\":{\"id\":\"h2\"}"), 1, NOW);
        assertThat(hostOnly.event()).isNull();
        assertThat(hostOnly.notPublished()).contains("VDS_FAILURE").contains("names no VM");
        OvirtEventMapper.Result userRun = mapper.map(event(32, "\"vm\":{\"id\":\"v1\"}"), 2, NOW);
        assertThat(userRun.event()).isNull();
        assertThat(userRun.notPublished()).contains("code 32");
    }

    @Test
    void shouldTakeTheEventTimeAndCodesGivenAsStrings() throws Exception {
        ObjectNode e = event(506, "\"vm\":{\"id\":\"v1\"}");
        e.put("code", "506").put("time", "1736244011002");
        OvirtEventMapper.Result result = new OvirtEventMapper(inventory).map(e, 88214, NOW);
        assertThat(result.event().time()).isEqualTo(Instant.ofEpochMilli(1736244011002L));
        assertThat(result.event().vendorEventId()).isEqualTo("88214");
        e.remove("time");
        assertThat(new OvirtEventMapper(inventory).map(e, 88214, NOW).event().time()).isEqualTo(NOW);
    }

    private HaAction action(ObjectNode event) throws Exception {
        return (HaAction) new OvirtEventMapper(inventory).map(event, 88214, NOW).event().data();
    }

    private static ObjectNode event(int code, String links) throws Exception {
        return (ObjectNode) JSON.readTree("{\"id\":\"88214\",\"index\":88214,\"code\":" + code + ",\"severity\":\"normal\","
                + "\"time\":1736244011002,\"description\":\"Trying to restart VM db01 on Host hv02\",\"origin\":\"oVirt\","
                + "\"custom_id\":-1" + (links.isEmpty() ? "" : "," + links) + "}");
    }
}
