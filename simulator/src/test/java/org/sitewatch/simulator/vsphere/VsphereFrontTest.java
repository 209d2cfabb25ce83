package org.sitewatch.simulator.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.ScenarioException;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;
import org.w3c.dom.Element;

/**
 * The vSphere front over HTTP on 127.0.0.1 with a manual clock: the SOAP answers are well-formed
 * envelopes, the login is checked, WaitForUpdatesEx gives everything for version "" and then only
 * what changed, and a node going down changes its host's HA state and writes the HA event.
 */
class VsphereFrontTest {

    static final Instant T0 = TestVcenter.T0;
    static final String SCENARIO = """
            name: vsphere-front-test
            clusters:
              - name: paris-vc
                platform: vsphere
                cluster: CL-Paris
                site: paris
                username: monitor@vsphere.local
                password: "s3cret&<x>"
                ha: { fenceDelay: 15s, recoveryDelay: 5s, crmRound: 2s }
                nodes:
                  - { name: esx-par-1 }
                  - { name: esx-par-2 }
                  - { name: esx-par-3 }
                vms:
                  - { vmid: 100, name: par-web, node: esx-par-1, ha: true }
                  - { vmid: 101, name: par-db, node: esx-par-2, ha: true }
                  - { vmid: 102, name: par-batch, node: esx-par-3, status: stopped }
            timeline:
              - { at: 60s, cluster: paris-vc, action: node-offline, node: esx-par-2 }
            """;

    private TestVcenter vcenter;
    private Simulator simulator;

    @AfterEach
    void stop() {
        if (vcenter != null) {
            vcenter.close();
        }
    }

    private SoapTestClient start() {
        vcenter = new TestVcenter(SCENARIO);
        simulator = vcenter.simulator;
        return vcenter.soap();
    }

    private void advance(Duration d) {
        vcenter.advance(d);
    }

    @Test
    void theEndpointPointsTheCollectorAtTheFrontWithTheScenariosLogin() throws Exception {
        start();
        SimulatedEndpoint endpoint = simulator.endpoints().get(0);
        assertThat(endpoint.platform()).isEqualTo("vsphere");
        assertThat(endpoint.url()).isEqualTo("http://127.0.0.1:" + simulator.port() + "/paris-vc");
        assertThat(endpoint.settings()).containsExactlyInAnyOrderEntriesOf(
                Map.of("login.username", "monitor@vsphere.local", "login.password", "s3cret&<x>"));
        assertThat(endpoint.toString()).doesNotContain("s3cret");
    }

    @Test
    void serviceContentAndLoginAnswerAsVcenterDoesAndAWrongPasswordIsAnInvalidLoginFault() throws Exception {
        SoapTestClient soap = start();
        SoapTestClient.Answer content = soap.call("<RetrieveServiceContent xmlns=\"urn:vim25\">"
                + "<_this type=\"ServiceInstance\">ServiceInstance</_this></RetrieveServiceContent>");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.text("apiVersion")).isEqualTo("8.0.3.0");
        assertThat(content.elements("propertyCollector").get(0).getAttribute("type")).isEqualTo("PropertyCollector");
        assertThat(content.elements("RetrieveServiceContentResponse").get(0).getNamespaceURI()).isEqualTo("urn:vim25");

        SoapTestClient.Answer wrong = soap.login("monitor@vsphere.local", "nope");
        assertThat(wrong.status()).isEqualTo(500);
        assertThat(wrong.faultType()).isEqualTo("InvalidLogin");

        SoapTestClient.Answer anonymous = soap.waitForUpdates("");
        assertThat(anonymous.faultType()).isEqualTo("NotAuthenticated");

        SoapTestClient.Answer login = soap.login("monitor@vsphere.local", "s3cret&amp;&lt;x&gt;");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("userName")).isEqualTo("monitor@vsphere.local");

        SoapTestClient.Answer unknown = soap.call("<RetrieveDasAdvancedRuntimeInfo xmlns=\"urn:vim25\">"
                + "<_this type=\"ClusterComputeResource\">domain-c7</_this></RetrieveDasAdvancedRuntimeInfo>");
        assertThat(unknown.faultType()).isEqualTo("NotImplemented");

        soap.call("<Logout xmlns=\"urn:vim25\"><_this type=\"SessionManager\">SessionManager</_this></Logout>");
        assertThat(soap.waitForUpdates("").faultType()).as("the session ended").isEqualTo("NotAuthenticated");
    }

    @Test
    void waitForUpdatesGivesEveryObjectFirstThenOnlyWhatChanged() throws Exception {
        SoapTestClient soap = start();
        soap.login("monitor@vsphere.local", "s3cret&amp;&lt;x&gt;");
        soap.watchInventory();

        SoapTestClient.Answer full = soap.waitForUpdates("");
        assertThat(full.texts("kind")).hasSize(7).containsOnly("enter");
        assertThat(full.elements("obj")).extracting(e -> e.getAttribute("type") + ":" + e.getTextContent())
                .containsExactly("ClusterComputeResource:domain-c7", "HostSystem:host-10", "HostSystem:host-11",
                        "HostSystem:host-12", "VirtualMachine:vm-100", "VirtualMachine:vm-101", "VirtualMachine:vm-102");
        assertThat(dasStates(full)).containsExactly("master", "connectedToMaster", "connectedToMaster");
        assertThat(full.body()).contains("<val xsi:type=\"ManagedObjectReference\" type=\"ClusterComputeResource\">"
                + "domain-c7</val>", "xsi:type=\"ClusterFailoverLevelAdmissionControlPolicy\"",
                "<val xsi:type=\"HostSystemConnectionState\">connected</val>", "<dasProtected>true</dasProtected>");
        String version = full.text("version");

        SoapTestClient.Answer nothing = soap.waitForUpdates(version);
        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.elements("returnval")).as("nothing changed").isEmpty();

        advance(Duration.ofSeconds(61));
        SoapTestClient.Answer lost = soap.waitForUpdates(version);
        assertThat(lost.texts("kind")).containsOnly("modify");
        Element host = objectUpdate(lost, "host-11");
        assertThat(changedNames(host)).containsExactlyInAnyOrder("overallStatus", "runtime.connectionState",
                "runtime.powerState", "runtime.dasHostState");
        assertThat(host.getTextContent()).contains("notResponding", "fdmUnreachable");
        assertThat(soap.waitForUpdates(version).body()).as("a lost answer can be asked for again")
                .isEqualTo(lost.body().replace("<version>" + lost.text("version") + "<",
                        "<version>" + (Long.parseLong(lost.text("version")) + 1) + "<"));
        assertThat(soap.waitForUpdates("99").faultType()).as("a version never given").isEqualTo("InvalidCollectorVersion");

        advance(Duration.ofSeconds(15));
        SoapTestClient.Answer down = soap.waitForUpdates(Long.toString(Long.parseLong(lost.text("version")) + 1));
        assertThat(changedNames(objectUpdate(down, "host-11"))).containsExactly("runtime.dasHostState");
        assertThat(objectUpdate(down, "host-11").getTextContent()).contains("hostDown");
    }

    @Test
    void aNodeGoingDownWritesTheHaHostFailedEventOnceAndTheRestartOfItsGuest() throws Exception {
        SoapTestClient soap = start();
        soap.login("monitor@vsphere.local", "s3cret&amp;&lt;x&gt;");
        String collector = soap.eventCollector(T0.toString());
        assertThat(soap.readNextEvents(collector).elements("returnval")).isEmpty();

        advance(Duration.ofSeconds(61));
        soap.readNextEvents(collector);
        advance(Duration.ofSeconds(30));
        SoapTestClient.Answer page = soap.readNextEvents(collector);

        assertThat(page.texts("eventTypeId")).containsExactly("com.vmware.vc.HA.DasHostFailedEvent",
                "com.vmware.vc.ha.VmRestartedByHAEvent");
        List<Element> events = page.elements("returnval");
        assertThat(events.get(0).getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).isEqualTo("EventEx");
        assertThat(page.texts("objectId")).containsExactly("host-11", "vm-101");
        assertThat(page.texts("createdTime")).first().isEqualTo(T0.plusSeconds(75).toString());
        List<Long> keys = page.texts("key").stream().map(Long::parseLong).toList();
        assertThat(keys).isSorted().doesNotHaveDuplicates();
        assertThat(soap.readNextEvents(collector).elements("returnval")).as("read once").isEmpty();

        SoapTestClient.Answer latest = soap.call("<RetrievePropertiesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">"
                + "propertyCollector</_this><specSet><propSet><type>EventManager</type><pathSet>latestEvent</pathSet>"
                + "</propSet><objectSet><obj type=\"EventManager\">EventManager</obj></objectSet></specSet><options/>"
                + "</RetrievePropertiesEx>");
        assertThat(latest.text("key")).isEqualTo(Long.toString(keys.get(keys.size() - 1)));
    }

    @Test
    void postedEventsAreReadOldestFirstAndAMaxCountCapsTheCollector() throws Exception {
        SoapTestClient soap = start();
        soap.login("monitor@vsphere.local", "s3cret&amp;&lt;x&gt;");
        for (String host : List.of("host-10", "host-11", "host-12")) {
            assertThat(soap.call("<PostEvent xmlns=\"urn:vim25\"><_this type=\"EventManager\">EventManager</_this>"
                    + "<eventToPost xsi:type=\"EventEx\"><key>0</key><chainId>0</chainId><createdTime>" + T0
                    + "</createdTime><userName></userName><fullFormattedMessage>test</fullFormattedMessage>"
                    + "<eventTypeId>com.vmware.vc.HA.DasHostFailedEvent</eventTypeId><severity>error</severity>"
                    + "<objectId>" + host + "</objectId><objectType>HostSystem</objectType><objectName>x</objectName>"
                    + "</eventToPost></PostEvent>").status()).isEqualTo(200);
        }
        String capped = soap.call("<CreateCollectorForEvents xmlns=\"urn:vim25\"><_this type=\"EventManager\">"
                + "EventManager</_this><filter><time><beginTime>" + T0 + "</beginTime></time><maxCount>2</maxCount>"
                + "</filter></CreateCollectorForEvents>").text("returnval");
        assertThat(soap.readNextEvents(capped).texts("objectId")).containsExactly("host-10", "host-11");
        assertThat(soap.readNextEvents(capped).elements("returnval")).isEmpty();
        assertThat(soap.readNextEvents(soap.eventCollector(T0.toString())).texts("objectId"))
                .containsExactly("host-10", "host-11", "host-12");
    }

    @Test
    void aSessionUnusedForThirtyMinutesEndsAndANewOneHasNothingToReportForAnOldVersion() throws Exception {
        SoapTestClient soap = start();
        soap.login("monitor@vsphere.local", "s3cret&amp;&lt;x&gt;");
        soap.watchInventory();
        String version = soap.waitForUpdates("").text("version");
        advance(Duration.ofMinutes(29));
        assertThat(soap.waitForUpdates(version).status()).as("still in use").isEqualTo(200);

        advance(Vcenter.SESSION_IDLE_TIMEOUT);
        assertThat(soap.waitForUpdates(version).faultType()).isEqualTo("NotAuthenticated");
        soap.login("monitor@vsphere.local", "s3cret&amp;&lt;x&gt;");
        SoapTestClient.Answer renewed = soap.waitForUpdates(version);
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.elements("returnval")).as("no filter in the new session yet").isEmpty();
    }

    @Test
    void restPathsAnswerNotFoundInTheAppliancesErrorShapeUntilAnApiIsRegistered() throws Exception {
        start();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(simulator.baseUrl("paris-vc") + "/api/rest/vr/pairings")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"error_code\":\"NOT_FOUND\"", "\"op_id\":\"");
    }

    @Test
    void vendorSettingsAreChecked() {
        assertThatThrownBy(() -> Scenario.parse(SCENARIO.replace("site: paris", "site: paris\n    cloud: azure")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("clusters[0].cloud");
        assertThatThrownBy(() -> Scenario.parse(SCENARIO.replace("site: paris", "site: paris\n    failoverLevel: 0")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("failoverLevel");
        Scenario vmc = Scenario.parse(SCENARIO.replace("site: paris", "site: paris\n    cloud: aws\n    region: eu-central-1"));
        assertThat(VcenterSettings.of(vmc.clusters().get(0)).datacenter()).isEqualTo("SDDC-Datacenter");
    }

    private static List<String> dasStates(SoapTestClient.Answer answer) {
        return answer.elements("state").stream().map(Element::getTextContent).toList();
    }

    private static Element objectUpdate(SoapTestClient.Answer answer, String id) {
        return answer.elements("objectSet").stream()
                .filter(o -> ((Element) o.getElementsByTagNameNS("*", "obj").item(0)).getTextContent().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no update of " + id + " in " + answer.body()));
    }

    private static List<String> changedNames(Element objectUpdate) {
        List<String> out = new java.util.ArrayList<>();
        var changes = objectUpdate.getElementsByTagNameNS("*", "changeSet");
        for (int i = 0; i < changes.getLength(); i++) {
            out.add(((Element) changes.item(i)).getElementsByTagNameNS("*", "name").item(0).getTextContent());
        }
        return out;
    }
}
