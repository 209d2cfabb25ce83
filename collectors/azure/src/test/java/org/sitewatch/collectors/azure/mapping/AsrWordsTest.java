package org.sitewatch.collectors.azure.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.collectors.azure.mapping.AsrWords.ActiveLocation;
import org.sitewatch.collectors.azure.mapping.AsrWords.Health;
import org.sitewatch.collectors.azure.mapping.AsrWords.ProtectionState;
import org.sitewatch.collectors.azure.mapping.AsrWords.TestFailoverState;
import org.sitewatch.collectors.azure.mapping.AzureVmWords.Availability;
import org.sitewatch.collectors.azure.mapping.AzureVmWords.Power;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;

/** Every word the vendor doc lists for ASR items, VM power and Resource Health; unknown words kept raw. */
class AsrWordsTest {

    @ParameterizedTest
    @CsvSource({"Normal,NORMAL,OK", "Warning,WARNING,WARNING", "Critical,CRITICAL,CRITICAL", "critical,CRITICAL,CRITICAL",
        "' Normal ',NORMAL,OK", "Degraded,UNKNOWN,UNKNOWN"})
    void shouldReadReplicationAndFailoverHealth(String word, Health value, ReplicationHealth health) {
        Reading<Health> reading = AsrWords.health(word);

        assertThat(reading.value()).isEqualTo(value);
        assertThat(reading.value().health()).isEqualTo(health);
        assertThat(reading.raw()).isEqualTo(word);
    }

    @ParameterizedTest
    @CsvSource({"Protected,PROTECTED", "UnplannedFailoverFailed,UNPLANNED_FAILOVER_FAILED",
        "InitialReplicationInProgress,UNKNOWN", "UnprotectedStatesBegin,UNKNOWN"})
    void shouldReadProtectionStatesAndKeepUnconfirmedOnesRaw(String word, ProtectionState value) {
        Reading<ProtectionState> reading = AsrWords.protectionState(word);

        assertThat(reading.value()).isEqualTo(value);
        assertThat(reading.raw()).isEqualTo(word);
        assertThat(reading.known()).isEqualTo(value != ProtectionState.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource({"Primary,PRIMARY", "Recovery,RECOVERY", "Elsewhere,UNKNOWN"})
    void shouldReadActiveLocations(String word, ActiveLocation value) {
        assertThat(AsrWords.activeLocation(word).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"None,NONE", "MarkedForDeletion,MARKED_FOR_DELETION", "InProgress,UNKNOWN"})
    void shouldReadTestFailoverStates(String word, TestFailoverState value) {
        assertThat(AsrWords.testFailoverState(word).value()).isEqualTo(value);
    }

    @Test
    void shouldReadAnAbsentWordAsUnknownWithNoRawWord() {
        assertThat(AsrWords.health(null)).isEqualTo(new Reading<>(Health.UNKNOWN, null));
        assertThat(AsrWords.protectionState(null).known()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"PowerState/starting,STARTING,RUNNING", "PowerState/running,RUNNING,RUNNING",
        "PowerState/stopping,STOPPING,STOPPED", "PowerState/stopped,STOPPED,STOPPED",
        "PowerState/deallocating,DEALLOCATING,STOPPED", "PowerState/deallocated,DEALLOCATED,STOPPED",
        "PowerState/unknown,UNKNOWN,UNKNOWN", "PowerState/hibernated,UNKNOWN,UNKNOWN"})
    void shouldReadEveryPowerStateCode(String code, Power value, PowerState power) {
        Reading<Power> reading = AzureVmWords.power(code);

        assertThat(reading.value()).isEqualTo(value);
        assertThat(reading.value().power()).isEqualTo(power);
        assertThat(reading.raw()).isEqualTo(code.substring("PowerState/".length()));
    }

    @ParameterizedTest
    @CsvSource({"Available,AVAILABLE", "Degraded,DEGRADED", "Unavailable,UNAVAILABLE", "Unknown,UNKNOWN",
        "Maintenance,UNKNOWN"})
    void shouldReadEveryAvailabilityState(String word, Availability value) {
        Reading<Availability> reading = AzureVmWords.availability(word);

        assertThat(reading.value()).isEqualTo(value);
        assertThat(reading.raw()).isEqualTo(word);
    }
}
