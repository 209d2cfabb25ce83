package org.sitewatch.collectors.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.VmState;

/** One VM per domain UUID whatever the number of hosts that define it. */
class DomainTableTest {

    private static final String UUID = "6f1c1a2e-0b57-4d0e-9a61-1c0f0a0000aa";

    private final EndpointConfig endpoint = EndpointConfig.builder("kvm", "paris", Platform.LIBVIRT)
            .nodeSites(Map.of("kvm3", "lyon")).build();
    private final DomainTable table = new DomainTable(endpoint);
    private Set<String> up = Set.of("kvm1", "kvm2", "kvm3");

    private static DomainRecord record(String host, int state, boolean active, boolean persistent) {
        return new DomainRecord(UUID, "app-01", host, DomainStates.of(state), active, persistent, 0);
    }

    private VmState apply(String host, int type, int detail) {
        return table.apply(host, UUID, "app-01", LifecycleEvents.map(type, detail), up::contains,
                () -> record(host, DomainStates.SHUTOFF, false, true));
    }

    @Test
    void shouldPublishTheRunningCopyOfADomainDefinedOnTwoHosts() {
        table.replaceHost("kvm1", List.of(record("kvm1", DomainStates.RUNNING, true, true)));
        table.replaceHost("kvm2", List.of(record("kvm2", DomainStates.SHUTOFF, false, true)));

        assertThat(table.states(up::contains)).singleElement().satisfies(vm -> {
            assertThat(vm.host()).isEqualTo("kvm1");
            assertThat(vm.power()).isEqualTo(PowerState.RUNNING);
            assertThat(vm.site()).isEqualTo("paris");
            assertThat(vm.platform()).isEqualTo(Platform.LIBVIRT);
        });
    }

    @Test
    void shouldFollowADomainThatStopsOnOneHostAndStartsOnAnotherInAnotherSite() {
        table.replaceHost("kvm1", List.of(record("kvm1", DomainStates.RUNNING, true, true)));
        table.replaceHost("kvm3", List.of(record("kvm3", DomainStates.SHUTOFF, false, true)));

        VmState crashed = apply("kvm1", LifecycleEvents.STOPPED, 2);
        assertThat(crashed.power()).isEqualTo(PowerState.CRASHED);
        assertThat(crashed.vendorState()).isEqualTo("stopped/crashed");

        VmState started = apply("kvm3", LifecycleEvents.STARTED, 0);
        assertThat(started.host()).isEqualTo("kvm3");
        assertThat(started.site()).isEqualTo("lyon");
        assertThat(started.power()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void shouldRemoveAVmOnlyWhenNoHostHasItAnyMore() {
        table.replaceHost("kvm1", List.of(record("kvm1", DomainStates.SHUTOFF, false, true)));
        table.replaceHost("kvm2", List.of(record("kvm2", DomainStates.SHUTOFF, false, true)));

        assertThat(apply("kvm1", LifecycleEvents.UNDEFINED, 0).removed()).isFalse();
        VmState gone = apply("kvm2", LifecycleEvents.UNDEFINED, 0);
        assertThat(gone.removed()).isTrue();
        assertThat(table.states(up::contains)).isEmpty();
    }

    @Test
    void shouldKeepARunningTransientDomainUntilItStops() {
        table.replaceHost("kvm1", List.of(record("kvm1", DomainStates.RUNNING, true, true)));

        VmState undefined = apply("kvm1", LifecycleEvents.UNDEFINED, 0);
        assertThat(undefined.removed()).isFalse();
        assertThat(undefined.power()).isEqualTo(PowerState.RUNNING);

        assertThat(apply("kvm1", LifecycleEvents.STOPPED, 1).removed()).isTrue();
    }

    @Test
    void shouldPreferAReachableHostsCopyAndAskLibvirtWhenAnEventDoesNotSayThePower() {
        table.replaceHost("kvm1", List.of(record("kvm1", DomainStates.RUNNING, true, true)));
        up = Set.of("kvm2");

        VmState defined = apply("kvm2", LifecycleEvents.DEFINED, 0);
        assertThat(defined.host()).isEqualTo("kvm2");
        assertThat(defined.power()).isEqualTo(PowerState.STOPPED);
        assertThat(defined.vendorState()).isEqualTo("shutoff");
    }
}
