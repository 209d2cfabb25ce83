package org.sitewatch.simulator.vsphere;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scenario faults on the SOAP API: scoped to one method by the path {@code /sdk/<method>}, each
 * kind as the vim25 client meets it, gone when the fault ends.
 */
class VsphereFaultTest {

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

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(vcenter.simulator.baseUrl("paris-vc") + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
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
