package org.sitewatch.collectors.oraclevm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;

/** Every state word of the vendor facts, the plausible UNCONFIRMED ones, and words nobody named. */
class OvmStatesTest {

    @ParameterizedTest(name = "vmRunState {0} -> {1}")
    @CsvSource({
            // confirmed
            "RUNNING, RUNNING", "STOPPED, STOPPED", "SUSPENDED, SUSPENDED",
            // UNCONFIRMED, plausible
            "MIGRATING, MIGRATING", "STARTING, STOPPED", "STOPPING, RUNNING",
            // any case
            "running, RUNNING", "Suspended, SUSPENDED",
            // named in the facts as UNCONFIRMED without a safe meaning, and words nobody named
            "ERROR, UNKNOWN", "UNKNOWN, UNKNOWN", "HIBERNATING, UNKNOWN", "'', UNKNOWN"})
    void vmRunStates(String word, PowerState expected) {
        assertThat(OvmStates.vmPower(word)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "serverRunState {0}, maintenance {1} -> {2}")
    @CsvSource({
            "RUNNING, false, HEALTHY", "RUNNING, , HEALTHY", "running, false, HEALTHY",
            "STOPPED, false, FAILED", "STARTING, false, DEGRADED", "STOPPING, false, DEGRADED",
            "UNKNOWN, false, UNKNOWN", "HALTED, false, UNKNOWN", ", false, UNKNOWN",
            "RUNNING, true, MAINTENANCE", "STOPPED, true, MAINTENANCE"})
    void serverRunStates(String word, Boolean maintenance, HaHostState expected) {
        assertThat(OvmStates.hostState(word, maintenance)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"TEMPLATE, true", "template, true", "RUNNING, false"})
    void templatesAreRecognised(String word, boolean template) {
        assertThat(new OvmVm(new OvmRef(null, "v", null, null), "n", word, false, null, null, null).template())
                .isEqualTo(template);
    }

    @org.junit.jupiter.api.Test
    void aMissingRunStateIsUnknown() {
        assertThat(OvmStates.vmPower(null)).isEqualTo(PowerState.UNKNOWN);
    }
}
