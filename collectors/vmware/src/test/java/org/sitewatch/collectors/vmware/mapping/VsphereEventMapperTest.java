package org.sitewatch.collectors.vmware.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.CLUSTER;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.CREATED;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.HOST;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.OTHER_HOST;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.SITE;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.VM;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.eventEx;
import static org.sitewatch.collectors.vmware.mapping.VsphereFixtures.typed;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sitewatch.collectors.spi.EventPage.HistoryEvent;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

class VsphereEventMapperTest {

    private final KnownStates known = new KnownStates();
    private final VsphereEventMapper mapper = new VsphereEventMapper(SITE, known);

    /** Every HA/DRS/vMotion event of the vendor doc that acts on one VM. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "com.vmware.vc.ha.VmRestartedByHAEvent,              RESTART",
        "VmRestartedOnAlternateHostEvent,                    RESTART",
        "VmDasBeingResetEvent,                               RESTART",
        "VmDasBeingResetWithScreenshotEvent,                 RESTART",
        "com.vmware.vc.HA.VmcpTerminatingVm,                 FENCE",
        "VmFailoverFailed,                                   ERROR",
        "VmMaxRestartCountReached,                           ERROR",
        "VmDasResetFailedEvent,                              ERROR",
        "NotEnoughResourcesToStartVmEvent,                   ERROR",
        "com.vmware.vc.HA.FailedRestartAfterIsolationEvent,  ERROR",
        "com.vmware.vc.HA.VmDasResetAbortedEvent,            ERROR",
        "com.vmware.vc.HA.VMIsHADisabledRestartEvent,        ERROR",
        "com.vmware.vc.HA.VmcpTerminateVmAborted,            ERROR",
        "VmMigratedEvent,                                    MIGRATE",
        "DrsVmMigratedEvent,                                 MIGRATE",
        "VmRelocatedEvent,                                   MIGRATE",
        "com.vmware.vc.vm.DstVmMigratedEvent,                MIGRATE",
    })
    void shouldMapEveryHaEventOfAVmToItsAction(String name, HaActionKind expected) {
        List<EventData> out = data(mapper.map(event(name).vm(VM).host(HOST).cluster(CLUSTER).message("m").build()));

        HaAction action = only(out, HaAction.class);
        assertThat(action.action()).isEqualTo(expected);
        assertThat(action.vmId()).isEqualTo("vm-42");
        assertThat(action.cluster()).isEqualTo("domain-c8");
        assertThat(action.actionId()).isEqualTo("910240");
        assertThat(action.vendorState()).isEqualTo(name);
        assertThat(action.detail()).isEqualTo("m");
        out.forEach(VsphereFixtures::assertValid);
    }

    @Test
    void shouldMapTheDocsComposedPageToAPowerOnThenAnHaRestartElsewhere() {
        known.remember(new VmState(SITE, Platform.VSPHERE, "vm-42", "app01", "host-12", "domain-c8", PowerState.STOPPED,
                "poweredOff", true, null, false));
        VcenterEvent poweredOn = typed("VmPoweredOnEvent").key(910231).created(Instant.parse("2025-03-02T10:15:04.120Z"))
                .vm(VM).host(HOST).cluster(CLUSTER).message("app01 on esx01.site-a.example in DC-A is powered on").build();
        VcenterEvent restarted = eventEx("com.vmware.vc.ha.VmRestartedByHAEvent").key(910240).vm(VM).host(OTHER_HOST)
                .cluster(CLUSTER).object("VirtualMachine", VM)
                .message("vSphere HA restarted virtual machine app01 on host esx02.site-a.example").build();

        List<HistoryEvent> first = mapper.map(poweredOn).events();
        List<HistoryEvent> second = mapper.map(restarted).events();

        assertThat(first).singleElement().satisfies(e -> {
            assertThat(e.vendorEventId()).isEqualTo("910231/vm_state");
            assertThat(e.time()).isEqualTo(Instant.parse("2025-03-02T10:15:04.120Z"));
            assertThat(e.data()).isEqualTo(new VmState(SITE, Platform.VSPHERE, "vm-42", "app01", "host-12", "domain-c8",
                    PowerState.RUNNING, "VmPoweredOnEvent", true, null, false));
        });
        assertThat(second).extracting(HistoryEvent::vendorEventId).containsExactly("910240/ha_action", "910240/vm_state");
        assertThat(second.get(0).data()).isEqualTo(new HaAction(SITE, Platform.VSPHERE, "910240", "vm-42", "domain-c8",
                HaActionKind.RESTART, "host-12", "host-13", "com.vmware.vc.ha.VmRestartedByHAEvent",
                "vSphere HA restarted virtual machine app01 on host esx02.site-a.example"));
        assertThat(second.get(1).data()).isEqualTo(new VmState(SITE, Platform.VSPHERE, "vm-42", "app01", "host-13",
                "domain-c8", PowerState.RUNNING, "com.vmware.vc.ha.VmRestartedByHAEvent", true, null, false));
        assertThat(known.vm("vm-42").host()).as("remembered for the next event").isEqualTo("host-13");
    }

    @Test
    void shouldTakeTheOriginFromTheEventsSourceHostFirst() {
        known.remember(vmOn("host-99"));

        HaAction action = only(data(mapper.map(typed("VmMigratedEvent").vm(VM).host(OTHER_HOST).sourceHost(HOST).build())),
                HaAction.class);

        assertThat(action.fromHost()).isEqualTo("host-12");
        assertThat(action.toHost()).isEqualTo("host-13");
    }

    @Test
    void shouldLeaveTheOriginUnknownWhenTheInventoryAlreadyShowsTheVmOnItsNewHost() {
        known.remember(vmOn("host-13"));

        HaAction action = only(data(mapper.map(eventEx("com.vmware.vc.ha.VmRestartedByHAEvent").vm(VM).host(OTHER_HOST)
                .build())), HaAction.class);

        assertThat(action.fromHost()).isNull();
        assertThat(action.toHost()).isEqualTo("host-13");
    }

    @Test
    void shouldResetInPlace() {
        HaAction action = only(data(mapper.map(typed("VmDasBeingResetEvent").vm(VM).host(HOST).build())), HaAction.class);

        assertThat(action.fromHost()).isEqualTo("host-12");
        assertThat(action.toHost()).isEqualTo("host-12");
    }

    @Test
    void shouldNameTheFailedVmsHostAndReasonOnAnError() {
        HaAction action = only(data(mapper.map(typed("VmFailoverFailed").vm(VM).host(HOST).message("failover failed")
                .reason("InsufficientResourcesFault").build())), HaAction.class);

        assertThat(action.fromHost()).isEqualTo("host-12");
        assertThat(action.toHost()).isNull();
        assertThat(action.detail()).isEqualTo("failover failed (InsufficientResourcesFault)");
    }

    /** Every VM lifecycle event of the vendor doc that says what the VM's power is now. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "VmPoweredOnEvent,                      RUNNING",
        "DrsVmPoweredOnEvent,                   RUNNING",
        "VmResettingEvent,                      RUNNING",
        "VmRestartedOnAlternateHostEvent,       RUNNING",
        "com.vmware.vc.ha.VmRestartedByHAEvent, RUNNING",
        "VmPoweredOffEvent,                     STOPPED",
        "VmCreatedEvent,                        STOPPED",
        "VmRegisteredEvent,                     STOPPED",
        "VmClonedEvent,                         STOPPED",
        "VmDeployedEvent,                       STOPPED",
        "VmSuspendedEvent,                      SUSPENDED",
        "VmDisconnectedEvent,                   UNKNOWN",
        "VmOrphanedEvent,                       UNKNOWN",
    })
    void shouldMapEveryLifecycleEventToThePowerItLeaves(String name, PowerState expected) {
        VmState vm = only(data(mapper.map(event(name).vm(VM).host(HOST).cluster(CLUSTER).build())), VmState.class);

        assertThat(vm.power()).isEqualTo(expected);
        assertThat(vm.vendorState()).isEqualTo(name);
        assertThat(vm.removed()).isFalse();
        assertThat(vm.haProtected()).as("not known without an inventory record").isNull();
        VsphereFixtures.assertValid(vm);
    }

    @Test
    void shouldKeepWhatTheEventDoesNotSayFromTheLastKnownRecord() {
        known.remember(vmOn("host-12"));

        VmState vm = only(data(mapper.map(typed("VmPoweredOffEvent").vm(EntityRef.of("vm-42")).build())), VmState.class);

        assertThat(vm).isEqualTo(new VmState(SITE, Platform.VSPHERE, "vm-42", "app01", "host-12", "domain-c8",
                PowerState.STOPPED, "VmPoweredOffEvent", true, null, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"VmMigratedEvent", "DrsVmMigratedEvent", "VmRelocatedEvent",
        "com.vmware.vc.vm.DstVmMigratedEvent"})
    void shouldMoveAKnownVmToItsNewHostKeepingItsPower(String name) {
        known.remember(vmOn("host-12"));

        List<EventData> out = data(mapper.map(event(name).vm(VM).host(OTHER_HOST).cluster(CLUSTER).build()));

        VmState vm = only(out, VmState.class);
        assertThat(vm.host()).isEqualTo("host-13");
        assertThat(vm.power()).isEqualTo(PowerState.RUNNING);
        assertThat(only(out, HaAction.class).fromHost()).isEqualTo("host-12");
    }

    @Test
    void shouldNotGuessThePowerOfAnUnknownVmThatMigrated() {
        List<EventData> out = data(mapper.map(typed("VmMigratedEvent").vm(VM).host(OTHER_HOST).build()));

        assertThat(out).singleElement().isInstanceOf(HaAction.class);
    }

    @Test
    void shouldReportARemovedVmAndForgetIt() {
        known.remember(vmOn("host-12"));

        VmState vm = only(data(mapper.map(typed("VmRemovedEvent").vm(VM).host(HOST).build())), VmState.class);

        assertThat(vm.removed()).isTrue();
        assertThat(vm.power()).isEqualTo(PowerState.RUNNING);
        assertThat(known.vm("vm-42")).isNull();
        VsphereFixtures.assertValid(vm);
    }

    @Test
    void shouldReportTheRemovalOfAVmNeverSeen() {
        VmState vm = only(data(mapper.map(typed("VmRemovedEvent").vm(VM).build())), VmState.class);

        assertThat(vm.removed()).isTrue();
        assertThat(vm.power()).isEqualTo(PowerState.UNKNOWN);
    }

    /** Every host event of the vendor doc that says what state the host is in now. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "DasHostFailedEvent,                                FAILED",
        "com.vmware.vc.HA.DasHostFailedEvent,               FAILED",
        "HostConnectionLostEvent,                           FAILED",
        "DasHostIsolatedEvent,                              ISOLATED",
        "com.vmware.vc.HA.DasHostIsolatedEvent,             ISOLATED",
        "com.vmware.vc.HA.HostPartitionedFromMasterEvent,   DEGRADED",
        "EnteredMaintenanceModeEvent,                       MAINTENANCE",
        "HostDisconnectedEvent,                             UNKNOWN",
        "HostConnectedEvent,                                HEALTHY",
        "com.vmware.vc.HA.ConnectedToMaster,                HEALTHY",
        "ExitMaintenanceModeEvent,                          HEALTHY",
    })
    void shouldMapEveryHostEventToTheStateItLeaves(String name, HaHostState expected) {
        HaHost host = only(data(mapper.map(event(name).host(HOST).cluster(CLUSTER).message("m").build())), HaHost.class);

        assertThat(host).isEqualTo(new HaHost(SITE, Platform.VSPHERE, "host-12", "esx01.site-a.example", "domain-c8",
                expected, name, "m", false));
        VsphereFixtures.assertValid(host);
    }

    @Test
    void shouldTakeTheFailedHostOfTheTypedEventNotTheReporter() {
        HaHost host = only(data(mapper.map(typed("DasHostFailedEvent").host(OTHER_HOST).failedHost(HOST).cluster(CLUSTER)
                .build())), HaHost.class);

        assertThat(host.hostId()).isEqualTo("host-12");
        assertThat(host.state()).isEqualTo(HaHostState.FAILED);
    }

    @Test
    void shouldTakeTheHostObjectOfAnEventExAndKeepTheKnownCluster() {
        known.remember(new HaHost(SITE, Platform.VSPHERE, "host-12", "esx01.site-a.example", "domain-c8",
                HaHostState.HEALTHY, "connectedToMaster", null, false));

        HaHost host = only(data(mapper.map(eventEx("com.vmware.vc.HA.DasHostFailedEvent")
                .object("HostSystem", EntityRef.of("host-12")).build())), HaHost.class);

        assertThat(host.hostName()).isEqualTo("esx01.site-a.example");
        assertThat(host.cluster()).isEqualTo("domain-c8");
    }

    /** Every cluster-wide HA event: capacity gone, back, a failover under way, HA switched on or off. */
    @ParameterizedTest(name = "{0} -> HA {1}, capacity {2}")
    @CsvSource(nullValues = "-", value = {
        "InsufficientFailoverResourcesEvent,                       true,  0",
        "com.vmware.vc.HA.InsufficientFailoverLevelEvent,          true,  0",
        "com.vmware.vc.HA.FailoverResourcesViolationEvent,         true,  0",
        "FailoverLevelRestored,                                    true,  2",
        "com.vmware.vc.HA.ClusterFailoverActionInitiatedEvent,     true,  2",
        "com.vmware.vc.HA.ClusterFailoverInProgressEvent,          true,  2",
        "com.vmware.vc.HA.ClusterFailoverActionCompletedEvent,     true,  2",
        "DasEnabledEvent,                                          true,  2",
        "DasDisabledEvent,                                         false, -",
    })
    void shouldMapEveryClusterEventOnTopOfTheKnownCluster(String name, boolean haEnabled, Integer capacity) {
        known.remember(new HaCluster(SITE, Platform.VSPHERE, "domain-c8", "CL-A", true, 4, 4, 2, null, "green"));

        HaCluster cluster = only(data(mapper.map(event(name).cluster(CLUSTER).build())), HaCluster.class);

        assertThat(cluster).isEqualTo(new HaCluster(SITE, Platform.VSPHERE, "domain-c8", "CL-A", haEnabled, 4, 4,
                capacity, null, name));
        VsphereFixtures.assertValid(cluster);
    }

    @Test
    void shouldLeaveTheCapacityUnknownWhenRestoredAfterBeingLost() {
        known.remember(new HaCluster(SITE, Platform.VSPHERE, "domain-c8", "CL-A", true, 4, 4, 1, null, "green"));

        mapper.map(typed("InsufficientFailoverResourcesEvent").cluster(CLUSTER).build());
        HaCluster restored = only(data(mapper.map(typed("FailoverLevelRestored").cluster(CLUSTER).build())),
                HaCluster.class);

        assertThat(restored.failoverCapacity()).as("the number comes with the next inventory read").isNull();
    }

    @Test
    void shouldMapAClusterEventOfAnUnknownClusterFromTheClusterObject() {
        HaCluster cluster = only(data(mapper.map(eventEx("com.vmware.vc.HA.InsufficientFailoverLevelEvent")
                .object("ClusterComputeResource", new EntityRef("domain-c52", "CL-B")).build())), HaCluster.class);

        assertThat(cluster.clusterId()).isEqualTo("domain-c52");
        assertThat(cluster.name()).isEqualTo("CL-B");
        assertThat(cluster.failoverCapacity()).isZero();
        VsphereFixtures.assertValid(cluster);
    }

    /** Every replication event the mapper watches; "-" where the last known value is kept. */
    @ParameterizedTest(name = "{0} -> {1}, {2}")
    @CsvSource(nullValues = "-", value = {
        "com.vmware.vcHms.rpoViolatedEvent,                         REPLICATING,    WARNING,  false",
        "com.vmware.vcHms.rpoRestoredEvent,                         REPLICATING,    OK,       false",
        "com.vmware.vcHms.replicationConfiguredEvent,               SYNCING,        OK,       false",
        "com.vmware.vcHms.replicationUnconfiguredEvent,             NOT_CONFIGURED, OK,       true",
        "com.vmware.vcHms.vmReplicationConfigurationRemovedEvent,   NOT_CONFIGURED, OK,       true",
        "com.vmware.vcHms.vmRecoveredEvent,                         FAILED_OVER,    OK,       false",
        "com.vmware.vcHms.hbrDisconnectedEvent,                     FAILED,         CRITICAL, false",
        "com.vmware.vcHms.datastoreInaccessibleEvent,               FAILED,         CRITICAL, false",
        "com.vmware.vcHms.vmConfigurationReplicationFailedEvent,    FAILED,         CRITICAL, false",
        "com.vmware.vcHms.vmMissingReplicationConfigurationEvent,   FAILED,         CRITICAL, false",
        "com.vmware.vcHms.hbrReconnectedEvent,                      REPLICATING,    OK,       false",
        "com.vmware.vcHms.hbrOutOfSyncEvent,                        REPLICATING,    WARNING,  false",
        "com.vmware.vcHms.failedResolvingStoragePolicyEvent,        REPLICATING,    WARNING,  false",
        "hbr.primary.NoConnectionToHbrServerEvent,                  FAILED,         CRITICAL, false",
        "hbr.primary.InvalidVmReplicationConfigurationEvent,        FAILED,         CRITICAL, false",
        "hbr.primary.InvalidDiskReplicationConfigurationEvent,      FAILED,         CRITICAL, false",
        "hbr.primary.ConnectionRestoredToHbrServerEvent,            REPLICATING,    OK,       false",
        "hbr.primary.NoProgressWithHbrServerEvent,                  REPLICATING,    WARNING,  false",
        "hbr.primary.FailedToStartDeltaEvent,                       REPLICATING,    WARNING,  false",
        "hbr.primary.FailedToStartSyncEvent,                        REPLICATING,    WARNING,  false",
        "hbr.primary.DeltaAbortedEvent,                             REPLICATING,    WARNING,  false",
        "hbr.primary.PrepareDeltaTimeExceedsRpoEvent,               REPLICATING,    WARNING,  false",
        "hbr.primary.RpoTooLowForServerEvent,                       REPLICATING,    WARNING,  false",
        "hbr.primary.RpoOkForServerEvent,                           REPLICATING,    OK,       false",
        "hbr.primary.SystemPausedReplication,                       PAUSED,         WARNING,  false",
    })
    void shouldMapEveryReplicationEventOnTopOfTheKnownReplication(String name, ReplicationState state,
                                                                  ReplicationHealth health, boolean removed) {
        known.remember(replication(ReplicationState.REPLICATING, ReplicationHealth.OK));

        ReplicationStatus r = only(data(mapper.map(event(name).vm(VM).message("m").build())), ReplicationStatus.class);

        assertThat(r.state()).isEqualTo(state);
        assertThat(r.health()).isEqualTo(health);
        assertThat(r.removed()).isEqualTo(removed);
        assertThat(r.vendorState()).isEqualTo(name);
        assertThat(r.error()).isEqualTo(state == ReplicationState.FAILED ? "m" : null);
        assertThat(r.targetSite()).isEqualTo("lyon-dc2");
        assertThat(r.itemId()).isEqualTo("GID-7");
        VsphereFixtures.assertValid(r);
    }

    @Test
    void shouldRecomputeTheLagAtTheEventsTimeAndClearTheErrorWhenBack() {
        known.remember(replication(ReplicationState.FAILED, ReplicationHealth.CRITICAL));

        ReplicationStatus r = only(data(mapper.map(eventEx("com.vmware.vcHms.rpoRestoredEvent").vm(VM).build())),
                ReplicationStatus.class);

        assertThat(r.lagSeconds()).isEqualTo(600);
        assertThat(r.error()).isNull();
        assertThat(r.lastRecoveryPoint()).isEqualTo(CREATED.minusSeconds(600));
    }

    @Test
    void shouldKeepAnEarlierErrorWhileOnlyWarning() {
        known.remember(replication(ReplicationState.FAILED, ReplicationHealth.CRITICAL));

        ReplicationStatus r = only(data(mapper.map(eventEx("com.vmware.vcHms.rpoViolatedEvent").vm(VM).build())),
                ReplicationStatus.class);

        assertThat(r.state()).isEqualTo(ReplicationState.FAILED);
        assertThat(r.error()).isEqualTo("com.vmware.vcHms.rpoViolatedEvent");
    }

    @Test
    void shouldSkipAReplicationEventOfAVmWithoutKnownReplication() {
        VsphereEventMapper.Result result = mapper.map(eventEx("com.vmware.vcHms.rpoViolatedEvent").vm(VM).build());

        assertThat(result.events()).isEmpty();
        assertThat(result.skipped()).isEqualTo("event 910240 (com.vmware.vcHms.rpoViolatedEvent) was not mapped: it needs "
                + "a VM whose replication is known from the replication API");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VmReconfiguredEvent", "VmStartingEvent", "VmGuestShutdownEvent", "AlarmStatusChangedEvent",
        "hbr.primary.RpoViolatedEvent", "hbr.primary.DeltaCompletedEvent", "com.vmware.vc.HA.SomethingNewEvent",
        "com.vmware.vcHms.remoteSiteDownEvent"})
    void shouldIgnoreEventsNoMapperWatchesWithoutCallingThemSkipped(String name) {
        VsphereEventMapper.Result result = mapper.map(event(name).vm(VM).host(HOST).cluster(CLUSTER).build());

        assertThat(result.events()).isEmpty();
        assertThat(result.skipped()).isNull();
    }

    @Test
    void shouldIgnoreAnEventWithNeitherTypeNorId() {
        VcenterEvent nameless = new VcenterEvent(1, null, null, CREATED, null, VM, null, null, null, null, null, null,
                null);

        assertThat(mapper.map(nameless)).isEqualTo(new VsphereEventMapper.Result(List.of(), null));
    }

    @Test
    void shouldSkipAWatchedEventThatNamesNoVm() {
        VsphereEventMapper.Result result = mapper.map(eventEx("com.vmware.vc.ha.VmRestartedByHAEvent").host(HOST).build());

        assertThat(result.events()).isEmpty();
        assertThat(result.skipped()).isEqualTo(
                "event 910240 (com.vmware.vc.ha.VmRestartedByHAEvent) was not mapped: it needs a VM");
    }

    @Test
    void shouldSkipAWatchedEventWithoutCreatedTime() {
        VsphereEventMapper.Result result = mapper.map(typed("VmPoweredOnEvent").vm(VM).created(null).build());

        assertThat(result.events()).isEmpty();
        assertThat(result.skipped()).isEqualTo("event 910240 (VmPoweredOnEvent) has no createdTime");
    }

    @Test
    void shouldUseTheEventTypeIdOfAnExtendedEventAndItsManagedObject() {
        VcenterEvent extended = new VcenterEvent(77, "ExtendedEvent", "com.vmware.vc.HA.VmcpTerminatingVm", CREATED,
                null, null, null, null, "VirtualMachine", VM, null, null, null);

        HaAction action = only(data(mapper.map(extended)), HaAction.class);

        assertThat(action.action()).isEqualTo(HaActionKind.FENCE);
        assertThat(action.vmId()).isEqualTo("vm-42");
    }

    @Test
    void shouldOfferTheWatchedNamesForTheEventFilter() {
        assertThat(mapper.watchedNames()).contains("VmPoweredOnEvent", "com.vmware.vc.ha.VmRestartedByHAEvent",
                "DasHostFailedEvent", "InsufficientFailoverResourcesEvent", "com.vmware.vcHms.rpoViolatedEvent")
                .doesNotContain("VmReconfiguredEvent");
    }

    private static VsphereFixtures.EventBuilder event(String name) {
        return name.contains(".") ? eventEx(name) : typed(name);
    }

    private static VmState vmOn(String host) {
        return new VmState(SITE, Platform.VSPHERE, "vm-42", "app01", host, "domain-c8", PowerState.RUNNING, "poweredOn",
                true, null, false);
    }

    private static ReplicationStatus replication(ReplicationState state, ReplicationHealth health) {
        return new ReplicationStatus(SITE, Platform.VSPHERE, "GID-7", "vm-42", "app01", SITE, "lyon-dc2", "host-12",
                null, "vsphere-replication", state, health, null, 900L, CREATED.minusSeconds(600), 60L, null, null,
                state == ReplicationState.FAILED ? "com.vmware.vcHms.rpoViolatedEvent" : null, false);
    }

    private static List<EventData> data(VsphereEventMapper.Result result) {
        assertThat(result.skipped()).isNull();
        return result.events().stream().map(HistoryEvent::data).toList();
    }

    private static <T extends EventData> T only(List<EventData> out, Class<T> type) {
        List<T> matching = out.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).as("%s among %s", type.getSimpleName(), out).hasSize(1);
        return matching.get(0);
    }
}
