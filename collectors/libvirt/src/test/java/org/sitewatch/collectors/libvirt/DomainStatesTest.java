package org.sitewatch.collectors.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.events.PowerState;

class DomainStatesTest {

    @ParameterizedTest(name = "virDomainState {0} -> {1} ({2})")
    @CsvSource({
            "0, UNKNOWN, nostate",
            "1, RUNNING, running",
            "2, RUNNING, blocked",
            "3, PAUSED, paused",
            "4, RUNNING, shutdown",
            "5, STOPPED, shutoff",
            "6, CRASHED, crashed",
            "7, SUSPENDED, pmsuspended",
            "8, UNKNOWN, state-8",
            "42, UNKNOWN, state-42"})
    void shouldMapEveryDomainStateAndKeepUnknownOnesRaw(int state, PowerState power, String word) {
        assertThat(DomainStates.of(state)).isEqualTo(new DomainPower(power, word));
    }
}
