package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.spi.settings.Secret;
import org.sitewatch.collectors.spi.settings.UserPassword;
import org.sitewatch.collectors.vmware.vim25.MoRef;
import org.sitewatch.collectors.vmware.vim25.PropertyCollector;
import org.sitewatch.collectors.vmware.vim25.PropertySpec;
import org.sitewatch.collectors.vmware.vim25.SoapRequest;
import org.sitewatch.collectors.vmware.vim25.Vim25Client;
import org.sitewatch.testsupport.VcsimProcess;

/**
 * The vSphere collector on the whole slice, against real govmomi vcsim: the embedded stack (its broker, the
 * collector runtime, the streams views, the alerting module) with one vCenter endpoint next to a simulated
 * Proxmox site. vcsim's inventory shows up as a site; vSphere HA reporting a host failure (an event posted to
 * vCenter) turns the site unhealthy with that host named and raises HaHostFailed; the host's return to HA clears
 * both, and the other site is never touched.
 */
class VsphereEndToEndIT {

    private static final String VC_SITE = "vc-lab";
    private static final String SCENARIO = """
            loop: 60s
            sites:
              - name: pve-lab
                cluster: pve-lab
                token: "lab@pve!sitewatch=11111111-2222-4333-8444-555555555555"
                nodes: [ { name: pve-l1 }, { name: pve-l2 } ]
                vms:
                  - { vmid: 100, name: l-app, node: pve-l1, ha: true }
            """;

    @TempDir
    Path dataDir;

    private VcsimProcess vcsim;
    private EmbeddedStack stack;
    private Vim25Client vcenter;

    @BeforeEach
    void start() {
        vcsim = VcsimProcess.start();
        vcenter = Vim25Client.builder(vcsim.sdkUrl(), new UserPassword(vcsim.username(), Secret.inline(vcsim.password())))
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (vcenter != null) {
            vcenter.logout();
        }
        if (vcsim != null) {
            vcsim.close();
        }
    }

    @Test
    void aHostFailureReportedByVsphereHaShowsInTheSiteViewAndAlertsAndClearsWhenTheHostReturns() throws Exception {
        // The scenario's Proxmox cluster is endpoint 0; the vCenter comes next.
        String endpoint = "sitewatch.collectors.endpoints[1].";
        stack = FastStack.start(dataDir, SCENARIO, Map.of(
                endpoint + "id", "vc-lab-vcenter",
                endpoint + "site", VC_SITE,
                endpoint + "platform", "vsphere",
                endpoint + "poll-interval", "500ms",
                endpoint + "vsphere.url", vcsim.sdkUrl().toString(),
                endpoint + "vsphere.login.username", vcsim.username(),
                endpoint + "vsphere.login.password", vcsim.password()));
        SitesApi api = new SitesApi(stack.httpPort());

        await("vcsim's four VMs in the vc-lab site").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.site(VC_SITE).map(s -> s.path("counts").path("vms").path("total").asLong()).orElse(0L) == 4);
        // With 500 ms polls a site can read UNKNOWN (heartbeat late) for a moment at start-up: wait for OK.
        await("vc-lab OK before the failure").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.siteStatus(VC_SITE).equals(Optional.of("OK")));
        await("the Proxmox site listed too").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.site("pve-lab").map(s -> s.path("counts").path("vms").path("total").asLong()).orElse(0L) == 1);

        postHostEvent("com.vmware.vc.HA.DasHostFailedEvent", "vSphere HA detected a possible host failure of host DC0_C0_H1");

        await("vc-lab unhealthy by the failed host").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.siteStatus(VC_SITE).filter(s -> s.equals("DEGRADED") || s.equals("CRITICAL")).isPresent());
        JsonNode failing = api.site(VC_SITE).orElseThrow();
        assertThat(failing.path("reasons").toString()).as("%s", failing).contains("HA host").contains("FAILED");
        await("HaHostFailed raised for vc-lab").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> firingAlertsOf(api).contains("HaHostFailed"));
        assertThat(api.site("pve-lab").orElseThrow().toString()).as("the other site knows nothing of the failed host")
                .doesNotContain("DC0_C0_H1").doesNotContain("HaHostFailed");

        postHostEvent("com.vmware.vc.HA.ConnectedToMaster", "Host DC0_C0_H1 is connected to the vSphere HA primary again");

        await("vc-lab OK again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.siteStatus(VC_SITE).equals(Optional.of("OK")));
        await("HaHostFailed resolved").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> !firingAlertsOf(api).contains("HaHostFailed"));
    }

    private static String firingAlertsOf(SitesApi api) {
        // Firing ones only: a resolved alert stays listed for a while.
        return api.get("/api/alerts?state=firing&site=" + VC_SITE).map(JsonNode::toString).orElse("");
    }

    /** An HA event about host DC0_C0_H1, as vSphere HA posts it to vCenter. */
    private void postHostEvent(String eventTypeId, String message) throws Exception {
        String hostId = hostIdOf("DC0_C0_H1");
        vcenter.invoke(SoapRequest.call("PostEvent", vcenter.serviceContent().eventManager())
                .start("eventToPost", "EventEx")
                .text("key", 0).text("chainId", 0).text("createdTime", Instant.now()).text("userName", "")
                .text("fullFormattedMessage", message)
                .text("eventTypeId", eventTypeId)
                .text("severity", "error")
                .text("objectId", hostId)
                .text("objectType", "HostSystem")
                .text("objectName", "DC0_C0_H1")
                .end());
    }

    private String hostIdOf(String name) throws Exception {
        PropertyCollector properties = new PropertyCollector(vcenter);
        MoRef view = properties.createContainerView(vcenter.serviceContent().rootFolder(), List.of("HostSystem"), true);
        try {
            return properties.retrieve(view, List.of(
                            PropertySpec.of("HostSystem", "name")), 100)
                    .objects().stream().filter(o -> name.equals(o.get("name"))).findFirst()
                    .map(o -> o.obj().value()).orElseThrow(() -> new IllegalStateException("no host " + name + " in vcsim"));
        } finally {
            properties.destroyView(view);
        }
    }
}
