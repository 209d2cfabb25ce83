package org.sitewatch.simulator.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Scenario faults on the SOAP API: scoped to one method by the path {@code /sdk/<method>}, each
 * kind as the vim25 client meets it, gone when the fault ends; scoped to an inventory object
 * ({@code /inventory/host/<name>}, {@code /inventory/cluster/<name>}), its properties in the
 * {@code missingSet} of the property reads.
 */
class VsphereFaultTest {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String LOGIN = TestVcenter.PASSWORD_XML;
    private TestVcenter vcenter;

    @AfterEach
    void stop() {
        if (vcenter != null) {
            vcenter.close();
        }
    }

    private SoapTestClient start(String timeline) {
        vcenter = new TestVcenter(VsphereFrontTest.SCENARIO.substring(0, VsphereFrontTest.SCENARIO.indexOf("timeline:"))
                + "timeline:\n" + timeline);
        return vcenter.soap();
    }

    private void advance(Duration d) {
        vcenter.advance(d);
    }

    @Test
    void aFaultScopedToOneMethodHitsOnlyThatMethodUntilItEnds() throws Exception {
        SoapTestClient soap = start("""
                  - { at: 10s, cluster: paris-vc, action: api-fault, kind: http501, path: /sdk/WaitForUpdatesEx, duration: 20s }
                """);
        soap.login("monitor@vsphere.local", LOGIN);
        soap.watchInventory();
        advance(Duration.ofSeconds(10));

        assertThat(soap.waitForUpdates("").faultType()).isEqualTo("NotImplemented");
        assertThat(soap.eventCollector(TestVcenter.T0.toString())).as("other methods answer").startsWith("session[");

        advance(Duration.ofSeconds(20));
        assertThat(soap.waitForUpdates("").texts("kind")).hasSize(7);
    }

    @Test
    void anAuthFaultRefusesTheLoginAndEndsTheSessionForOtherCalls() throws Exception {
        SoapTestClient soap = start("""
                  - { at: 10s, cluster: paris-vc, action: api-fault, kind: auth, duration: 10s }
                """);
        soap.login("monitor@vsphere.local", LOGIN);
        advance(Duration.ofSeconds(10));

        assertThat(soap.waitForUpdates("").faultType()).isEqualTo("NotAuthenticated");
        assertThat(soap.login("monitor@vsphere.local", LOGIN).faultType()).isEqualTo("InvalidLogin");

        advance(Duration.ofSeconds(10));
        assertThat(soap.login("monitor@vsphere.local", LOGIN).status()).isEqualTo(200);
    }

    @Test
    void restCallsMeetTheirFaultsInTheAppliancesShape() throws Exception {
        start("""
                  - { at: 0s, cluster: paris-vc, action: api-fault, kind: http500, path: /api/rest/vr, duration: 10s }
                  - { at: 10s, cluster: paris-vc, action: api-fault, kind: auth, path: /api/rest/srm, duration: 10s }
                """);
        advance(Duration.ofSeconds(1));
        HttpResponse<String> vr = get("/api/rest/vr/v2/pairings");
        assertThat(vr.statusCode()).isEqualTo(500);
        assertThat(vr.body()).contains("\"error_code\":\"INTERNAL_SERVER_ERROR\"");
        // Without a session the SRM and VR views answer 401 as usual.
        assertThat(get("/api/rest/srm/v2/pairings").statusCode()).as("another appliance").isEqualTo(401);

        advance(Duration.ofSeconds(10));
        HttpResponse<String> srm = get("/api/rest/srm/v2/pairings");
        assertThat(srm.statusCode()).isEqualTo(401);
        assertThat(srm.body()).isEmpty();
        assertThat(get("/api/rest/vr/v2/pairings").statusCode()).as("the fault ended").isEqualTo(401);
    }

    private static String waitWithoutBlocking(String version) {
        return "<WaitForUpdatesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">propertyCollector</_this>"
                + "<version>" + version + "</version><options><maxWaitSeconds>0</maxWaitSeconds></options></WaitForUpdatesEx>";
    }

    /** The ObjectContent of one object in a RetrievePropertiesEx answer. */
    private static Element object(SoapTestClient.Answer answer, String moRef) {
        return answer.elements("objects").stream().filter(o -> child(o, "obj").getTextContent().equals(moRef))
                .findFirst().orElseThrow(() -> new AssertionError("no object " + moRef + " in " + answer.body()));
    }

    private static Element single(List<Element> elements) {
        assertThat(elements).hasSize(1);
        return elements.get(0);
    }

    private static Element child(Element parent, String localName) {
        List<Element> all = children(parent, localName);
        if (all.isEmpty()) {
            throw new AssertionError("no " + localName + " in " + parent.getLocalName());
        }
        return all.get(0);
    }

    /** The direct children of that local name, in order. */
    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(vcenter.simulator.baseUrl("paris-vc") + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHostWhosePropertiesCannotBeReadIsInTheMissingSetOfAPropertyReadWithNoPermission() throws Exception {
        SoapTestClient soap = start("""
                  - { at: 10s, cluster: paris-vc, action: api-fault, kind: auth, path: /inventory/host/esx-par-2, duration: 20s }
                """);
        soap.login("monitor@vsphere.local", LOGIN);
        advance(Duration.ofSeconds(10));

        String twoHosts = "<RetrievePropertiesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">"
                + "propertyCollector</_this><specSet><propSet><type>HostSystem</type><pathSet>name</pathSet>"
                + "<pathSet>runtime.connectionState</pathSet></propSet><objectSet><obj type=\"HostSystem\">host-11</obj>"
                + "</objectSet></specSet><specSet><propSet><type>HostSystem</type><pathSet>name</pathSet></propSet>"
                + "<objectSet><obj type=\"HostSystem\">host-10</obj></objectSet></specSet><options/></RetrievePropertiesEx>";
        SoapTestClient.Answer read = soap.call(twoHosts);

        assertThat(read.status()).as("the call itself succeeds").isEqualTo(200);
        Element faulted = object(read, "host-11");
        assertThat(children(faulted, "propSet")).as("no values of the unreadable host").isEmpty();
        assertThat(children(faulted, "missingSet")).extracting(m -> child(m, "path").getTextContent())
                .containsExactly("name", "runtime.connectionState");
        Element fault = child(child(children(faulted, "missingSet").get(0), "fault"), "fault");
        assertThat(fault.getAttributeNS(XSI, "type")).isEqualTo("NoPermission");
        assertThat(child(fault, "object").getAttribute("type")).isEqualTo("HostSystem");
        assertThat(child(fault, "object").getTextContent()).isEqualTo("host-11");
        assertThat(child(fault, "privilegeId").getTextContent()).isEqualTo("System.Read");
        assertThat(child(child(children(faulted, "missingSet").get(0), "fault"), "localizedMessage").getTextContent())
                .isEqualTo(UnreadableObjects.NO_PERMISSION_MESSAGE);
        Element other = object(read, "host-10");
        assertThat(children(other, "missingSet")).as("another host").isEmpty();
        assertThat(child(children(other, "propSet").get(0), "val").getTextContent()).isEqualTo("esx-par-1");

        advance(Duration.ofSeconds(20));
        assertThat(children(object(soap.call(twoHosts), "host-11"), "missingSet")).as("the fault ended").isEmpty();
    }

    @Test
    void waitForUpdatesSaysWhenTheClustersPropertiesBecomeUnreadableAndGivesThemAgainWhenTheFaultEnds() throws Exception {
        SoapTestClient soap = start("""
                  - { at: 10s, cluster: paris-vc, action: api-fault, kind: http500, path: /inventory/cluster/CL-Paris, duration: 20s }
                """);
        soap.login("monitor@vsphere.local", LOGIN);
        soap.watchInventory();
        SoapTestClient.Answer first = soap.waitForUpdates("");
        assertThat(first.elements("missingSet")).isEmpty();

        advance(Duration.ofSeconds(10));
        SoapTestClient.Answer failing = soap.waitForUpdates(first.text("version"));
        Element update = single(failing.elements("objectSet"));
        assertThat(child(update, "kind").getTextContent()).isEqualTo("modify");
        assertThat(child(update, "obj").getTextContent()).isEqualTo("domain-c7");
        assertThat(children(update, "changeSet")).as("the client keeps the values it has").isEmpty();
        assertThat(children(update, "missingSet")).extracting(m -> child(m, "path").getTextContent())
                .containsExactly("name", "configurationEx", "summary");
        Element fault = child(child(children(update, "missingSet").get(0), "fault"), "fault");
        assertThat(fault.getAttributeNS(XSI, "type")).isEqualTo("SystemError");
        assertThat(child(fault, "reason").getTextContent()).contains("http500").contains("cluster CL-Paris");

        SoapTestClient.Answer unchanged = soap.call(waitWithoutBlocking(failing.text("version")));
        assertThat(unchanged.elements("objectSet")).as("an unreadable object is reported once").isEmpty();

        advance(Duration.ofSeconds(20));
        SoapTestClient.Answer readable = soap.waitForUpdates(failing.text("version"));
        Element back = single(readable.elements("objectSet"));
        assertThat(child(back, "kind").getTextContent()).isEqualTo("modify");
        assertThat(children(back, "changeSet")).as("every value again, although none changed")
                .extracting(c -> child(c, "name").getTextContent() + ":" + child(c, "op").getTextContent())
                .containsExactly("name:assign", "configurationEx:assign", "summary:assign");
        assertThat(children(back, "missingSet")).isEmpty();
    }

    @Test
    void http500AnswersWithoutAnEnvelope() throws Exception {
        SoapTestClient soap = start("""
                  - { at: 0s, cluster: paris-vc, action: api-fault, kind: http500 }
                """);
        advance(Duration.ofSeconds(1));
        assertThat(soap.rawStatus("<RetrieveServiceContent xmlns=\"urn:vim25\"><_this type=\"ServiceInstance\">"
                + "ServiceInstance</_this></RetrieveServiceContent>")).isEqualTo(500);
    }
}
