package org.sitewatch.collectors.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.collectors.proxmox.ProxmoxFixtures.object;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

class ProxmoxVmMapperTest {

    private final ProxmoxVmMapper mapper = new ProxmoxVmMapper(ProxmoxFixtures.SITE);

    @ParameterizedTest(name = "status={0} qmpstatus={1} lock={2} hastate={3} -> {4} ({5})")
    @CsvSource(nullValues = "-", value = {
        "running, -,         -,         -,        RUNNING,   running",
        "running, running,   -,         -,        RUNNING,   running",
        "running, paused,    -,         -,        PAUSED,    paused",
        "running, prelaunch, -,         -,        PAUSED,    prelaunch",
        "running, suspended, -,         -,        SUSPENDED, suspended",
        "running, -,         migrate,   -,        MIGRATING, migrate",
        "running, -,         backup,    -,        RUNNING,   running",
        "running, -,         -,         migrate,  MIGRATING, migrate",
        "running, -,         -,         relocate, MIGRATING, relocate",
        "stopped, -,         -,         -,        STOPPED,   stopped",
        "stopped, -,         suspended, -,        SUSPENDED, suspended",
        "unknown, -,         -,         fence,    UNKNOWN,   unknown",
        "frozen,  -,         -,         -,        UNKNOWN,   frozen",
        "-,       -,         -,         -,        UNKNOWN,   -",
    })
    void shouldMapPowerFromStatusQmpStatusLockAndHaState(String status, String qmp, String lock, String hastate,
                                                          PowerState expected, String vendorState) {
        VmState vm = mapper.map(object("{'vmid':100,'type':'qemu','node':'pve1'"
                + field("status", status) + field("qmpstatus", qmp) + field("lock", lock)
                + field("hastate", hastate) + "}"), "paris");

        assertThat(vm.power()).isEqualTo(expected);
        assertThat(vm.vendorState()).isEqualTo(vendorState);
    }

    /** Every CRM service state is a possible hastate; plus the request states PVE shows before the CRM runs. */
    @ParameterizedTest
    @ValueSource(strings = {"stopped", "request_stop", "request_start", "request_start_balance", "started", "fence",
        "recovery", "migrate", "relocate", "freeze", "error", "enabled", "disabled"})
    void shouldKeepEveryHaStateWordAndCountTheGuestAsProtected(String hastate) {
        VmState vm = mapper.map(object("{'vmid':100,'status':'running','hastate':'" + hastate + "'}"), null);

        assertThat(vm.haState()).isEqualTo(hastate);
        assertThat(vm.haProtected()).isTrue();
    }

    @Test
    void shouldNotCountAnIgnoredHaResourceAsProtected() {
        VmState vm = mapper.map(object("{'vmid':100,'status':'running','hastate':'ignored'}"), null);

        assertThat(vm.haProtected()).isFalse();
        assertThat(vm.haState()).isEqualTo("ignored");
    }

    @Test
    void shouldAcceptAnEntryWithOnlyTheVmid() {
        VmState vm = mapper.map(object("{'vmid':'100'}"), null);

        assertThat(vm).isEqualTo(new VmState(ProxmoxFixtures.SITE, org.sitewatch.events.Platform.PROXMOX, "100", null,
                null, null, PowerState.UNKNOWN, null, false, null, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "'1'"})
    void shouldLeaveTemplatesOutWhateverTheBooleanForm(String template) {
        assertThat(mapper.map(object("{'vmid':9000,'status':'stopped','template':" + template + "}"), null)).isNull();
    }

    @Test
    void shouldLeaveNonGuestEntriesOut() {
        assertThat(mapper.map(object("{'id':'storage/pve1/local','type':'storage'}"), null)).isNull();
    }

    @Test
    void shouldMapOnlyGuestsFromAnAnswerThatIgnoredTheTypeFilter() throws Exception {
        Snapshot.Builder out = Snapshot.builder(ProxmoxFixtures.NOW);
        Map<String, String> names = new HashMap<>();

        mapper.map(PveJson.list(ProxmoxFixtures.data("resources-unfiltered.json"), "/cluster/resources"), "paris", out,
                names);

        Snapshot snapshot = out.build();
        assertThat(snapshot.states()).map(VmState.class::cast).extracting(VmState::vmId).containsExactly("100", "102");
        assertThat(snapshot.skipped()).as("storages, pools and SDN zones are not bad guests").isEmpty();
        assertThat(snapshot.partialTypes()).isEmpty();
        assertThat(ProxmoxMapper.nodeHaStates(ProxmoxFixtures.data("resources-unfiltered.json")))
                .containsExactly(Map.entry("pve1", "online"));
    }

    private static String field(String name, String value) {
        return value == null ? "" : ",'" + name + "':'" + value + "'";
    }
}
