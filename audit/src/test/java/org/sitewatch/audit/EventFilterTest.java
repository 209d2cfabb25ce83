package org.sitewatch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.testsupport.TestEvents.FRANKFURT;
import static org.sitewatch.testsupport.TestEvents.LONDON;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.at;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.testsupport.TestEvents;

class EventFilterTest {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
    private static final SitewatchEvent PARIS_VM = at(T, TestEvents.vm(PARIS, "100", PowerState.RUNNING));
    private static final SitewatchEvent PARIS_TO_LONDON = at(T, TestEvents.replicating(PARIS, "100-0", LONDON, 900, T));
    private static final SitewatchEvent PARIS_LOCAL = at(T, TestEvents.replicating(PARIS, "101-0", PARIS, 900, T));
    private static final SitewatchEvent FRANKFURT_ACTION = at(T, TestEvents.action(FRANKFURT, "a1", "100", HaActionKind.RESTART, "n1", "n2"));

    private static EventFilter filter(List<String> sites, List<String> peers, List<String> platforms, List<String> vms,
                                      List<String> entities, List<String> types) {
        return EventFilter.of(sites, peers, platforms, vms, entities, types);
    }

    @Test
    void shouldMatchASiteByItsEventsAndByReplicationToOrFromIt() {
        EventFilter london = filter(List.of(LONDON), null, null, null, null, null);
        assertThat(london.matches(PARIS_TO_LONDON)).isTrue();
        assertThat(london.matches(PARIS_VM)).isFalse();
        assertThat(filter(List.of(PARIS), null, null, null, null, null).matches(PARIS_VM)).isTrue();
    }

    @Test
    void shouldMatchAPeerSiteOnlyOnReplicationBetweenThePair() {
        EventFilter pair = filter(List.of(PARIS), List.of(LONDON), null, null, null, null);
        assertThat(pair.matches(PARIS_TO_LONDON)).isTrue();
        assertThat(pair.matches(PARIS_LOCAL)).isFalse();
        assertThat(pair.matches(PARIS_VM)).isFalse();
    }

    @Test
    void shouldMatchPlatformVmEntityAndTypeAndCombineThemWithAnd() {
        assertThat(filter(null, null, List.of("PROXMOX"), null, null, null).matches(PARIS_VM)).isTrue();
        assertThat(filter(null, null, List.of("vsphere"), null, null, null).matches(PARIS_VM)).isFalse();
        EventFilter vm100 = filter(null, null, null, List.of("100"), null, null);
        assertThat(vm100.matches(PARIS_VM)).isTrue();
        assertThat(vm100.matches(PARIS_TO_LONDON)).isTrue();
        assertThat(vm100.matches(FRANKFURT_ACTION)).isTrue();
        assertThat(vm100.matches(PARIS_LOCAL)).isFalse();
        assertThat(filter(null, null, null, null, List.of("vm/paris-dc1/100"), null).matches(PARIS_VM)).isTrue();
        assertThat(filter(null, null, null, null, List.of("paris-dc1/100"), null).matches(PARIS_VM)).isTrue();
        assertThat(filter(null, null, null, null, List.of("paris-dc1/100"), null).matches(PARIS_TO_LONDON)).isFalse();
        EventFilter types = filter(List.of(PARIS + "," + FRANKFURT), null, null, null, null, List.of("ha.action", "VM_STATE"));
        assertThat(types.types()).containsExactly(EventType.HA_ACTION.typeName(), EventType.VM_STATE.typeName());
        assertThat(types.matches(PARIS_VM)).isTrue();
        assertThat(types.matches(FRANKFURT_ACTION)).isTrue();
        assertThat(types.matches(PARIS_TO_LONDON)).isFalse();
        assertThat(types.describe()).isEqualTo("site=frankfurt-dc2,paris-dc1 type=org.sitewatch.ha.action.v1,org.sitewatch.vm.state.v1");
        assertThat(EventFilter.none().matches(PARIS_VM)).isTrue();
        assertThat(EventFilter.none().describe()).isEqualTo("none");
    }

    @Test
    void shouldExplainAnUnknownTypeOrPlatform() {
        assertThatThrownBy(() -> filter(null, null, null, null, null, List.of("vm.power")))
                .hasMessageContaining("unknown event type 'vm.power'").hasMessageContaining("replication.status");
        assertThatThrownBy(() -> filter(null, null, List.of("xen"), null, null, null))
                .hasMessageContaining("unknown platform 'xen'").hasMessageContaining("proxmox");
    }
}
