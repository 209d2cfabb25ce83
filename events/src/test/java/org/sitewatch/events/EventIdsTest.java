package org.sitewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void shouldGiveTheSameObservationTheSameId() {
        SitewatchEvent a = SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, SampleEvents.REPLICATION);
        SitewatchEvent b = SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, SampleEvents.REPLICATION);
        assertThat(a.id()).isEqualTo(b.id()).hasSize(32);
    }

    @Test
    void shouldGiveADifferentIdWhenTimeOrStateOrSourceDiffer() {
        String base = SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, SampleEvents.VM).id();
        String later = SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME.plusSeconds(1), SampleEvents.VM).id();
        VmState stopped = new VmState("paris-dc1", Platform.PROXMOX, "100", "db-01", "pve1", "paris",
                PowerState.STOPPED, "stopped", true, "started", false);
        String changed = SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, stopped).id();
        String otherSource = SitewatchEvent.observed(java.net.URI.create("/sitewatch/collectors/proxmox/other"),
                SampleEvents.TIME, SampleEvents.VM).id();
        assertThat(java.util.Set.of(base, later, changed, otherSource)).hasSize(4);
    }

    @Test
    void shouldKeepAVendorEventIdAsIs() {
        SitewatchEvent e = SitewatchEvent.fromVendorEvent("9602", SampleEvents.SOURCE, SampleEvents.TIME, SampleEvents.ACTION);
        assertThat(e.id()).isEqualTo("9602");
    }
}
