package org.sitewatch.collectors.ovirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;

/**
 * Every enum value the vendor notes list (REST API v4 model) has a meaning here, an unknown word is
 * UNKNOWN, and booleans and numbers are read from JSON values and from strings alike.
 */
class OvirtWordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> VM_STATUS = List.of("unassigned", "down", "up", "powering_up", "paused", "migrating",
            "unknown", "not_responding", "wait_for_launch", "reboot_in_progress", "saving_state", "restoring_state",
            "suspended", "image_locked", "powering_down");
    static final List<String> HOST_STATUS = List.of("down", "error", "initializing", "installing", "install_failed",
            "maintenance", "non_operational", "non_responsive", "pending_approval", "preparing_for_maintenance",
            "connecting", "reboot", "unassigned", "up", "installing_os", "kdumping");

    @Test
    void shouldMapEveryVmStatusOfTheModel() {
        assertThat(OvirtWords.VM_STATUS.keySet()).containsExactlyInAnyOrderElementsOf(VM_STATUS);
        assertThat(OvirtWords.power("up")).isEqualTo(PowerState.RUNNING);
        assertThat(OvirtWords.power("powering_up")).isEqualTo(PowerState.RUNNING);
        assertThat(OvirtWords.power("down")).isEqualTo(PowerState.STOPPED);
        assertThat(OvirtWords.power("image_locked")).isEqualTo(PowerState.STOPPED);
        assertThat(OvirtWords.power("paused")).isEqualTo(PowerState.PAUSED);
        assertThat(OvirtWords.power("suspended")).isEqualTo(PowerState.SUSPENDED);
        assertThat(OvirtWords.power("saving_state")).isEqualTo(PowerState.SUSPENDED);
        assertThat(OvirtWords.power("migrating")).isEqualTo(PowerState.MIGRATING);
        assertThat(OvirtWords.power("not_responding")).isEqualTo(PowerState.UNKNOWN);
        assertThat(OvirtWords.power("unassigned")).isEqualTo(PowerState.UNKNOWN);
        assertThat(OvirtWords.power("hibernating")).as("a word of a newer engine").isEqualTo(PowerState.UNKNOWN);
        assertThat(OvirtWords.power(null)).isEqualTo(PowerState.UNKNOWN);
    }

    @Test
    void shouldMapEveryHostStatusOfTheModel() {
        assertThat(OvirtWords.HOST_STATUS.keySet()).containsExactlyInAnyOrderElementsOf(HOST_STATUS);
        assertThat(OvirtWords.host("up")).isEqualTo(HaHostState.HEALTHY);
        assertThat(OvirtWords.host("non_responsive")).isEqualTo(HaHostState.FAILED);
        assertThat(OvirtWords.host("down")).isEqualTo(HaHostState.FAILED);
        assertThat(OvirtWords.host("kdumping")).isEqualTo(HaHostState.FAILED);
        assertThat(OvirtWords.host("maintenance")).isEqualTo(HaHostState.MAINTENANCE);
        assertThat(OvirtWords.host("preparing_for_maintenance")).isEqualTo(HaHostState.MAINTENANCE);
        assertThat(OvirtWords.host("non_operational")).isEqualTo(HaHostState.DEGRADED);
        assertThat(OvirtWords.host("connecting")).isEqualTo(HaHostState.DEGRADED);
        assertThat(OvirtWords.host("installing_os")).isEqualTo(HaHostState.UNKNOWN);
        assertThat(OvirtWords.host("levitating")).isEqualTo(HaHostState.UNKNOWN);
    }

    @Test
    void shouldKnowEverySpmExternalDataCenterSeverityAndStorageDomainWord() {
        assertThat(OvirtWords.SPM_STATUS.keySet()).containsExactlyInAnyOrder("none", "contending", "spm");
        assertThat(OvirtWords.EXTERNAL_STATUS.keySet()).containsExactlyInAnyOrder("ok", "info", "warning", "error", "failure");
        assertThat(OvirtWords.external("info")).isEqualTo(OvirtWords.Severity.OK);
        assertThat(OvirtWords.external("warning")).isEqualTo(OvirtWords.Severity.WARNING);
        assertThat(OvirtWords.external("failure")).isEqualTo(OvirtWords.Severity.FAILED);
        assertThat(OvirtWords.external("purple")).isEqualTo(OvirtWords.Severity.UNKNOWN);
        assertThat(OvirtWords.external(null)).as("not set by anyone").isEqualTo(OvirtWords.Severity.OK);
        assertThat(OvirtWords.DATA_CENTER_STATUS.keySet()).containsExactlyInAnyOrder("uninitialized", "up", "maintenance",
                "not_operational", "problematic", "contend");
        assertThat(OvirtWords.dataCenter("up")).isEqualTo(OvirtWords.Severity.OK);
        assertThat(OvirtWords.dataCenter("problematic")).isEqualTo(OvirtWords.Severity.FAILED);
        assertThat(OvirtWords.dataCenter("frozen")).isEqualTo(OvirtWords.Severity.UNKNOWN);
        assertThat(OvirtWords.LOG_SEVERITY.keySet()).containsExactlyInAnyOrder("normal", "warning", "error", "alert");
        assertThat(OvirtWords.STORAGE_DOMAIN_STATUS.keySet()).containsExactlyInAnyOrder("active", "inactive", "locked",
                "mixed", "unattached", "maintenance", "preparing_for_maintenance", "detaching", "activating", "unknown");
        assertThat(OvirtWords.domain("active")).isEqualTo(OvirtWords.DomainUse.SERVING);
        assertThat(OvirtWords.domain("maintenance")).isEqualTo(OvirtWords.DomainUse.IDLE);
        assertThat(OvirtWords.domain("locked")).isEqualTo(OvirtWords.DomainUse.TRANSITION);
        assertThat(OvirtWords.domain("sideways")).isEqualTo(OvirtWords.DomainUse.UNKNOWN);
    }

    @Test
    void shouldReadBooleansAndNumbersFromValuesAndFromStrings() throws Exception {
        JsonNode values = JSON.readTree("{\"enabled\":true,\"priority\":1,\"time\":1736244005123}");
        JsonNode strings = JSON.readTree("{\"enabled\":\"TRUE\",\"priority\":\"1\",\"time\":\"1736244005123\"}");
        for (JsonNode node : List.of(values, strings)) {
            assertThat(OvirtJson.bool(node, "enabled")).isTrue();
            assertThat(OvirtJson.number(node, "priority")).isEqualTo(1L);
            assertThat(OvirtJson.time(node, "time")).hasToString("2025-01-07T10:00:05.123Z");
        }
        assertThat(OvirtJson.bool(JSON.readTree("{\"enabled\":\"false\"}"), "enabled")).isFalse();
        assertThat(OvirtJson.bool(JSON.readTree("{}"), "enabled")).isNull();
        assertThatThrownBy(() -> OvirtJson.bool(JSON.readTree("{\"enabled\":\"yes\"}"), "enabled"))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("enabled").hasMessageContaining("yes");
        assertThatThrownBy(() -> OvirtJson.number(JSON.readTree("{\"priority\":\"high\"}"), "priority"))
                .isInstanceOf(BadRecordException.class).hasMessageContaining("priority");
    }
}
