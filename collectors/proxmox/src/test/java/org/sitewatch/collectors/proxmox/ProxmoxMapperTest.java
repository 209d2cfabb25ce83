package org.sitewatch.collectors.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.collectors.proxmox.ProxmoxFixtures.NOW;
import static org.sitewatch.collectors.proxmox.ProxmoxFixtures.SITE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventData;
import org.sitewatch.events.EventType;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/** A whole poll of the composed fixtures, mapped at once. */
class ProxmoxMapperTest {

    private final Snapshot snapshot = map("cluster-status.json");

    private static Snapshot map(String clusterStatus) {
        try {
            return new ProxmoxMapper(ProxmoxFixtures.settings()).map(ProxmoxFixtures.readings(clusterStatus));
        } catch (CollectorException e) {
            throw new AssertionError(e);
        }
    }

    private <T extends EventData> Map<String, T> byId(Snapshot s, Class<T> type) {
        return s.states().stream().filter(type::isInstance).map(type::cast)
                .collect(Collectors.toMap(EventData::entityId, Function.identity()));
    }

    @Test
    void shouldMapEveryGuestButTemplatesAndTheBadEntry() {
        Map<String, VmState> vms = byId(snapshot, VmState.class);

        assertThat(vms).containsOnlyKeys("100", "101", "102", "103", "104", "105");
        assertThat(vms.get("100")).isEqualTo(new VmState(SITE, Platform.PROXMOX, "100", "db-1", "pve1", "paris",
                PowerState.RUNNING, "running", true, "started", false));
        assertThat(vms.get("101").power()).isEqualTo(PowerState.STOPPED);
        assertThat(vms.get("101").haProtected()).isFalse();
        assertThat(vms.get("101").haState()).isNull();
        assertThat(vms.get("102").power()).isEqualTo(PowerState.UNKNOWN);
        assertThat(vms.get("102").haState()).isEqualTo("fence");
        assertThat(vms.get("103").power()).isEqualTo(PowerState.MIGRATING);
        assertThat(vms.get("104").power()).isEqualTo(PowerState.PAUSED);
        assertThat(vms.get("104").vendorState()).isEqualTo("paused");
    }

    @Test
    void shouldMapAnUnknownStatusWordToUnknownKeepingTheWord() {
        VmState odd = byId(snapshot, VmState.class).get("105");

        assertThat(odd.power()).isEqualTo(PowerState.UNKNOWN);
        assertThat(odd.vendorState()).isEqualTo("hibernating");
    }

    @Test
    void shouldSkipBadRecordsAndCountThemWhileTheRestMaps() {
        assertThat(snapshot.skipped()).hasSize(2)
                .anySatisfy(reason -> assertThat(reason).contains("guest entry #7").contains("vmid"))
                .anySatisfy(reason -> assertThat(reason).contains("replication job #4").contains("'id'"));
        // What could not be read is not reported as removed.
        assertThat(snapshot.partialTypes()).containsExactlyInAnyOrder(EventType.VM_STATE, EventType.REPLICATION_STATUS);
    }

    @Test
    void shouldMapHaHostsFromMembershipHaStateAndLrmTimestamps() {
        Map<String, HaHost> hosts = byId(snapshot, HaHost.class);

        assertThat(hosts.get("pve1").state()).isEqualTo(HaHostState.HEALTHY);
        assertThat(hosts.get("pve1").vendorState()).isEqualTo("online");
        // Online in corosync, but its LRM timestamp is 120 s old.
        assertThat(hosts.get("pve2").state()).isEqualTo(HaHostState.DEGRADED);
        assertThat(hosts.get("pve2").detail()).isEqualTo("pve2 (old timestamp - dead?, Tue Jan  7 09:58:10 2025)");
        assertThat(hosts.get("pve3").state()).isEqualTo(HaHostState.FAILED);
        assertThat(hosts.get("pve3").vendorState()).isEqualTo("fence");
        assertThat(hosts.values()).allSatisfy(h -> assertThat(h.cluster()).isEqualTo("paris"));
    }

    @Test
    void shouldMapTheClusterWithItsFailoverCapacity() {
        HaCluster cluster = byId(snapshot, HaCluster.class).get("paris");

        assertThat(cluster).isEqualTo(new HaCluster(SITE, Platform.PROXMOX, "paris", "paris", true, 3, 1, 0, true, "OK"));
    }

    @Test
    void shouldMapReplicationJobsAsPvesrStatusDoes() {
        Map<String, ReplicationStatus> jobs = byId(snapshot, ReplicationStatus.class);

        assertThat(jobs).containsOnlyKeys("100-0", "101-0", "102-0", "103-0");
        assertThat(jobs.get("100-0")).isEqualTo(new ReplicationStatus(SITE, Platform.PROXMOX, "100-0", "100", "db-1",
                SITE, SITE, "pve1", "pve2", "pvesr", ReplicationState.REPLICATING, ReplicationHealth.OK, "OK",
                600L, Instant.ofEpochSecond(1736243700L), 310L, null, 0, null, false));
        ReplicationStatus paused = jobs.get("101-0");
        assertThat(paused.state()).isEqualTo(ReplicationState.PAUSED);
        assertThat(paused.lastRecoveryPoint()).as("last_sync 0 means never").isNull();
        assertThat(paused.lagSeconds()).isNull();
        assertThat(paused.targetRpoSeconds()).as("default schedule */15").isEqualTo(1800L);
        ReplicationStatus failing = jobs.get("103-0");
        assertThat(failing.state()).isEqualTo(ReplicationState.FAILED);
        assertThat(failing.health()).isEqualTo(ReplicationHealth.CRITICAL);
        assertThat(failing.vendorState()).isEqualTo("command 'zfs recv ...' failed: exit code 1");
        assertThat(failing.error()).isEqualTo(failing.vendorState());
        assertThat(failing.failCount()).isEqualTo(2);
        assertThat(failing.targetRpoSeconds()).as("calendar schedules get 30 min").isEqualTo(1800L);
    }

    @Test
    void shouldPublishJobsOfAnOfflineNodeAsUnknown() {
        ReplicationStatus orphan = byId(snapshot, ReplicationStatus.class).get("102-0");

        assertThat(orphan.state()).isEqualTo(ReplicationState.UNKNOWN);
        assertThat(orphan.health()).isEqualTo(ReplicationHealth.UNKNOWN);
        assertThat(orphan.sourceHost()).isEqualTo("pve3");
        assertThat(orphan.targetRpoSeconds()).isEqualTo(1200L);
    }

    @Test
    void shouldReadTrueFalseBooleansLikeZeroOne() {
        Snapshot withJsonBooleans = map("cluster-status-json-booleans.json");

        assertThat(withJsonBooleans.states()).containsExactlyInAnyOrderElementsOf(snapshot.states());
    }

    @Test
    void shouldProduceOnlyRecordsTheContractAccepts() {
        assertThat(snapshot.states()).allSatisfy(s -> assertThat(EventValidator.problems(s)).isEmpty());
    }

    @Test
    void shouldReportNoActionsOnTheFirstPoll() {
        assertThat(snapshot.actions()).isEmpty();
    }

    @Test
    void shouldMapTheSameReadingsTwiceToTheSameStates() throws CollectorException {
        ProxmoxMapper mapper = new ProxmoxMapper(ProxmoxFixtures.settings());
        List<EventData> first = mapper.map(ProxmoxFixtures.readings("cluster-status.json")).states();
        List<EventData> second = mapper.map(ProxmoxFixtures.readings("cluster-status.json")).states();

        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"data\":{\"not\":\"a list\"}}", "{\"data\":\"text\"}"})
    void shouldFailThePollAsMalformedWhenAnAnswerIsNotAList(String answer) {
        ProxmoxReadings readings = ProxmoxFixtures.readings("cluster-status.json");
        ProxmoxReadings broken = new ProxmoxReadings(NOW, readings.clusterStatus(), ProxmoxFixtures.envelope(answer),
                readings.nodeResources(), readings.haStatus(), readings.replicationJobs(), readings.replicationByNode());

        assertThatThrownBy(() -> new ProxmoxMapper(ProxmoxFixtures.settings()).map(broken))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.MALFORMED);
                    assertThat(e.permanent()).isFalse();
                });
    }
}
