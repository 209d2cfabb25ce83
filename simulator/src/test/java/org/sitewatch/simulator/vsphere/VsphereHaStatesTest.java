package org.sitewatch.simulator.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * HA words through the SOAP API: an election when the master fails, then a new master; with HA
 * off no HA state or protection at all, and host connection events instead of HA ones.
 */
class VsphereHaStatesTest {

    private TestVcenter vcenter;

    @AfterEach
    void stop() {
        if (vcenter != null) {
            vcenter.close();
        }
    }

    private SoapTestClient start(String yaml) throws Exception {
        vcenter = new TestVcenter(yaml);
        SoapTestClient soap = vcenter.loggedIn();
        soap.watchInventory();
        return soap;
    }

    private void advance(Duration d) {
        vcenter.advance(d);
    }

    @Test
    void theOtherHostsElectANewMasterWhenTheMasterFails() throws Exception {
        SoapTestClient soap = start(VsphereFrontTest.SCENARIO.replace("node: esx-par-2 }", "node: esx-par-1 }"));
        assertThat(states(soap.waitForUpdates(""))).containsExactly("master", "connectedToMaster", "connectedToMaster");

        advance(Duration.ofSeconds(61));
        assertThat(states(soap.waitForUpdates(""))).containsExactly("fdmUnreachable", "election", "election");

        advance(FdmStates.ELECTION);
        SoapTestClient.Answer elected = soap.waitForUpdates("");
        assertThat(states(elected)).containsExactly("fdmUnreachable", "master", "connectedToMaster");
        assertThat(elected.elements("stateReporter")).extracting(Element::getTextContent)
                .containsExactly("host-11", "host-11", "host-11");
    }

    @Test
    void withHaOffThereIsNoHaStateAndAHostFailureIsAConnectionEvent() throws Exception {
        SoapTestClient soap = start(VsphereFrontTest.SCENARIO.replace("site: paris", "site: paris\n    haEnabled: false"));
        String collector = soap.eventCollector(TestVcenter.T0.toString());
        SoapTestClient.Answer full = soap.waitForUpdates("");
        assertThat(full.elements("state")).isEmpty();
        assertThat(full.body()).doesNotContain("dasVmProtection", "currentFailoverLevel").contains("<enabled>false</enabled>");

        advance(Duration.ofSeconds(61));
        assertThat(soap.readNextEvents(collector).elements("returnval"))
                .extracting(e -> e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))
                .containsExactly("HostConnectionLostEvent");
    }

    @Test
    void losingAHostBelowTheFailoverLevelWritesTheInsufficientResourcesEventAndTheClusterTurnsRed() throws Exception {
        SoapTestClient soap = start(VsphereFrontTest.SCENARIO.replace("site: paris", "site: paris\n    failoverLevel: 2"));
        String collector = soap.eventCollector(TestVcenter.T0.toString());
        SoapTestClient.Answer full = soap.waitForUpdates("");
        assertThat(full.text("currentFailoverLevel")).isEqualTo("2");

        advance(Duration.ofSeconds(61));
        assertThat(soap.readNextEvents(collector).elements("returnval"))
                .extracting(e -> e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))
                .containsExactly("InsufficientFailoverResourcesEvent");
        SoapTestClient.Answer lost = soap.waitForUpdates(full.text("version"));
        assertThat(lost.text("currentFailoverLevel")).isEqualTo("1");
        assertThat(lost.body()).contains("<overallStatus>red</overallStatus>");
    }

    @Test
    void aRemovedVmLeavesTheViewAndWritesItsRemovedEvent() throws Exception {
        SoapTestClient soap = start(VsphereFrontTest.SCENARIO.replace("action: node-offline, node: esx-par-2",
                "action: vm-remove, vmid: 102"));
        String collector = soap.eventCollector(TestVcenter.T0.toString());
        String version = soap.waitForUpdates("").text("version");

        advance(Duration.ofSeconds(61));
        SoapTestClient.Answer gone = soap.waitForUpdates(version);
        assertThat(gone.texts("kind")).containsExactly("leave");
        assertThat(gone.text("obj")).isEqualTo("vm-102");
        SoapTestClient.Answer events = soap.readNextEvents(collector);
        assertThat(events.elements("returnval"))
                .extracting(e -> e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))
                .containsExactly("VmRemovedEvent");
        assertThat(events.texts("name")).contains("par-batch");
    }

    @Test
    void aMigrationIsAVmMigratedEventFromItsSourceHost() throws Exception {
        SoapTestClient soap = start(VsphereFrontTest.SCENARIO.replace("action: node-offline, node: esx-par-2",
                "action: ha-migrate, sid: \"vm:100\", node: esx-par-3"));
        String collector = soap.eventCollector(TestVcenter.T0.toString());
        soap.waitForUpdates("");

        advance(Duration.ofSeconds(63));
        SoapTestClient.Answer events = soap.readNextEvents(collector);
        assertThat(events.elements("returnval"))
                .extracting(e -> e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))
                .containsExactly("VmMigratedEvent");
        Element source = events.elements("sourceHost").get(0);
        assertThat(source.getElementsByTagNameNS("*", "host").item(0).getTextContent()).isEqualTo("host-10");
        assertThat(events.elements("host").get(0).getElementsByTagNameNS("*", "name").item(0).getTextContent())
                .isEqualTo("esx-par-3");
    }

    private static List<String> states(SoapTestClient.Answer answer) {
        return answer.elements("state").stream().map(Element::getTextContent).toList();
    }
}
