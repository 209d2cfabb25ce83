package org.sitewatch.collectors.vmware.vim25;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.vmware.VcsimLogins;
import org.sitewatch.testsupport.VcsimProcess;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.Kind;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.ObjectUpdate;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.Op;
import org.sitewatch.collectors.vmware.vim25.UpdateSet.PropertyChange;

/**
 * The vim25 client against real govmomi vcsim (default inventory: one cluster of three hosts, one
 * standalone host, two VMs per resource pool): login, the first listing with the HA properties
 * issue 10 names, a power operation seen through WaitForUpdatesEx, a posted event read through an
 * event history collector, a wrong password, a session ended behind the client's back.
 */
@Timeout(120)
class Vim25VcsimIT {

    private static final Duration TASK_WAIT = Duration.ofSeconds(30);
    private static final Duration UPDATE_WAIT = Duration.ofSeconds(10);
    private static final List<PropertySpec> HA_PROPERTIES = List.of(
            PropertySpec.of("VirtualMachine", "name", "runtime.powerState", "runtime.dasVmProtection", "overallStatus"),
            PropertySpec.of("HostSystem", "name", "runtime.dasHostState", "runtime.connectionState",
                    "runtime.inMaintenanceMode"),
            PropertySpec.of("ClusterComputeResource", "name", "configurationEx", "summary"));
    private static final List<String> TYPES = HA_PROPERTIES.stream().map(PropertySpec::type).toList();

    private static VcsimProcess vcsim;

    private Vim25Client client;
    private PropertyCollector properties;

    @BeforeAll
    static void startVcsim() {
        vcsim = VcsimProcess.start();
    }

    @AfterAll
    static void stopVcsim() {
        if (vcsim != null) {
            vcsim.close();
        }
    }

    @BeforeEach
    void connect() {
        client = Vim25Client.builder(vcsim.sdkUrl(), VcsimLogins.login(vcsim)).timeout(Duration.ofSeconds(10)).build();
        properties = new PropertyCollector(client);
    }

    @AfterEach
    void disconnect() throws CollectorException {
        client.logout();
    }

    @Test
    void shouldListVmsHostsAndClustersWithTheirHaProperties() throws Exception {
        MoRef view = properties.createContainerView(client.serviceContent().rootFolder(), TYPES, true);

        Map<String, List<ObjectContent>> byType = listAll(view).stream()
                .collect(Collectors.groupingBy(o -> o.obj().type()));

        assertThat(client.logins()).isEqualTo(1);
        assertThat(byType.get("VirtualMachine")).hasSize(4).allSatisfy(vm -> {
            assertThat(vm.get("runtime.powerState")).isEqualTo("poweredOn");
            assertThat(vm.get("overallStatus")).isIn("green", "gray", "yellow", "red");
            // vcsim leaves HA unset: no protection state, and the property is absent, not an error
            assertThat(vm.properties()).doesNotContainKey("runtime.dasVmProtection");
            assertThat(vm.missing()).isEmpty();
        });
        assertThat(byType.get("HostSystem")).hasSize(4).allSatisfy(host -> {
            assertThat(host.get("runtime.connectionState")).isEqualTo("connected");
            assertThat(host.get("runtime.inMaintenanceMode")).isEqualTo(Boolean.FALSE);
            assertThat(host.properties()).doesNotContainKey("runtime.dasHostState");
        });
        assertThat(byType.get("ClusterComputeResource")).singleElement().satisfies(cluster -> {
            DataObject configuration = (DataObject) cluster.get("configurationEx");
            DataObject summary = (DataObject) cluster.get("summary");
            assertThat(configuration.type()).isEqualTo("ClusterConfigInfoEx");
            // vcsim sends an empty <dasConfig/>: HA is not enabled, so no field of it is set
            assertThat(configuration.fields()).containsKeys("dasConfig", "drsConfig");
            assertThat(configuration.path("dasConfig.enabled")).isNull();
            assertThat(configuration.object("drsConfig").bool("enabled")).isTrue();
            assertThat(summary.type()).isEqualTo("ClusterComputeResourceSummary");
            assertThat(summary.number("numHosts")).isEqualTo(3L);
            assertThat(summary.number("currentFailoverLevel")).isZero();
        });
        properties.destroyView(view);
    }

    @Test
    void shouldSeeAPowerOffArriveAsExactlyThatChangeSinceThePreviousVersion() throws Exception {
        MoRef view = properties.createContainerView(client.serviceContent().rootFolder(), TYPES, true);
        MoRef filter = properties.createFilter(view, HA_PROPERTIES);
        UpdateSet initial = properties.waitForUpdates("", Duration.ZERO).orElseThrow();
        assertThat(initial.objects()).hasSize(9).allSatisfy(u -> assertThat(u.kind()).isEqualTo(Kind.ENTER));
        MoRef vm = initial.objects().stream().map(ObjectUpdate::obj)
                .filter(o -> o.type().equals("VirtualMachine")).findFirst().orElseThrow();

        try {
            awaitSuccess(client.powerOffVm(vm));
            Optional<UpdateSet> next = properties.waitForUpdates(initial.version(), UPDATE_WAIT);

            assertThat(next).isPresent();
            assertThat(next.get().objects()).containsExactly(new ObjectUpdate(filter, Kind.MODIFY, vm,
                    List.of(new PropertyChange("runtime.powerState", Op.ASSIGN, "poweredOff")), Map.of()));
        } finally {
            awaitSuccess(client.powerOnVm(vm));
            properties.destroyFilter(filter);
            properties.destroyView(view);
        }
    }

    @Test
    void shouldReadAPostedEventThroughAnEventHistoryCollector() throws Exception {
        EventCollectors events = new EventCollectors(client);
        Instant before = Instant.now().minusSeconds(1);
        // vcsim 0.24 matches eventTypeId against event classes only; a vCenter would take the HA id itself.
        MoRef collector = events.create(EventFilter.since(before).withEventTypeIds(List.of("EventEx")));
        try {
            postHaHostFailed("DC0_C0_H1", "vSphere HA detected a possible host failure of host DC0_C0_H1");

            List<EventRecord> read = events.readNext(collector, 100);

            assertThat(read).filteredOn(e -> "com.vmware.vc.HA.DasHostFailedEvent".equals(e.typeId()))
                    .singleElement().satisfies(e -> {
                        assertThat(e.type()).isEqualTo("EventEx");
                        assertThat(e.key()).isPositive();
                        assertThat(e.createdTime()).isBetween(before, Instant.now().plusSeconds(1));
                        assertThat(e.userName()).isEqualTo(vcsim.username());
                        assertThat(e.fullFormattedMessage()).contains("possible host failure of host DC0_C0_H1");
                        assertThat(e.fields().string("objectName")).isEqualTo("DC0_C0_H1");
                        assertThat(e.fields().string("severity")).isEqualTo("error");
                    });
            assertThat(events.readNext(collector, 100)).isEmpty();
            assertThat(events.readPrevious(collector, 100)).extracting(EventRecord::key)
                    .containsExactlyElementsOf(read.stream().map(EventRecord::key).toList());
        } finally {
            events.destroy(collector);
        }
    }

    @Test
    void shouldRefuseAWrongPasswordWithATypedInvalidLogin() {
        Vim25Client wrong = Vim25Client.builder(vcsim.sdkUrl(), VcsimLogins.wrongLogin(vcsim)).build();

        assertThatThrownBy(wrong::login).isInstanceOfSatisfying(InvalidLoginFault.class, f -> {
            assertThat(f.permanent()).isTrue();
            assertThat(f.remedy()).contains("vmware.login.password");
        });
        assertThat(wrong.logins()).isZero();
    }

    @Test
    void shouldLogInAgainByItselfAfterTheSessionWasLoggedOut() throws Exception {
        client.login();
        // Logout sent as a plain call: the server ends the session while the client still holds its cookie.
        client.invoke(SoapRequest.call("Logout", client.serviceContent().sessionManager()));

        MoRef view = properties.createContainerView(client.serviceContent().rootFolder(), TYPES, true);

        assertThat(client.logins()).isEqualTo(2);
        assertThat(listAll(view)).hasSize(9);
        properties.destroyView(view);
    }

    /** The whole view, page by page. */
    private List<ObjectContent> listAll(MoRef view) throws CollectorException {
        List<ObjectContent> all = new ArrayList<>();
        RetrieveResult page = properties.retrieve(view, HA_PROPERTIES, 5);
        all.addAll(page.objects());
        for (int pages = 1; page.token() != null && pages < 100; pages++) {
            page = properties.continueRetrieve(page.token());
            all.addAll(page.objects());
        }
        return all;
    }

    private void awaitSuccess(MoRef task) {
        await().atMost(TASK_WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Object state = properties.retrieveObject(task, List.of("info.state")).get("info.state");
            assertThat(state).as("task " + task).isNotEqualTo("error");
            return "success".equals(state);
        });
    }

    /** EventManager.PostEvent of an HA host-failure EventEx, as a test would inject it. */
    private void postHaHostFailed(String hostName, String message) throws CollectorException {
        SoapRequest post = SoapRequest.call("PostEvent", client.serviceContent().eventManager())
                .start("eventToPost", "EventEx")
                .text("key", 0).text("chainId", 0).text("createdTime", Instant.now()).text("userName", "")
                .text("fullFormattedMessage", message)
                .text("eventTypeId", "com.vmware.vc.HA.DasHostFailedEvent")
                .text("severity", "error")
                .text("objectType", "HostSystem")
                .text("objectName", hostName)
                .end();
        client.invoke(post);
    }
}
