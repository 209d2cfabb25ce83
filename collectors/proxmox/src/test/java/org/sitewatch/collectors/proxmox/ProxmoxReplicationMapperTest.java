package org.sitewatch.collectors.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.collectors.proxmox.ProxmoxFixtures.NOW;
import static org.sitewatch.collectors.proxmox.ProxmoxFixtures.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

class ProxmoxReplicationMapperTest {

    private static final String ERROR = "command 'zfs recv' failed: exit code 1";

    private final ProxmoxReplicationMapper mapper = new ProxmoxReplicationMapper(ProxmoxFixtures.settings());

    @ParameterizedTest(name = "pid={0} error={1} fail_count={2} disable={3} -> {4} {5} {6}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
        "-    | -     | 0 | -     | REPLICATING | OK       | OK",
        "-    | -     | - | -     | REPLICATING | OK       | OK",
        "4242 | -     | 0 | -     | SYNCING     | OK       | SYNCING",
        "4242 | error | 1 | -     | SYNCING     | WARNING  | SYNCING",
        "-    | error | 1 | -     | FAILED      | WARNING  | error",
        "-    | error | 2 | -     | FAILED      | CRITICAL | error",
        "-    | error | 5 | -     | FAILED      | CRITICAL | error",
        "-    | error | - | -     | FAILED      | WARNING  | error",
        "-    | -     | 0 | 1     | PAUSED      | OK       | OK",
        "-    | -     | 0 | true  | PAUSED      | OK       | OK",
        "-    | -     | 0 | 0     | REPLICATING | OK       | OK",
        "-    | -     | 0 | false | REPLICATING | OK       | OK",
        "-    | error | 3 | 1     | FAILED      | CRITICAL | error",
        "4242 | -     | 0 | 1     | SYNCING     | OK       | SYNCING",
    })
    void shouldDeriveStateHealthAndWordAsPvesrStatusDoes(String pid, String error, String failCount, String disable,
                                                         ReplicationState state, ReplicationHealth health, String word) {
        String err = error == null ? null : ERROR;
        ReplicationStatus r = withStatus("{'id':'100-0','guest':100,'target':'pve2','last_sync':1736243700"
                + (pid == null ? "" : ",'pid':" + pid)
                + (err == null ? "" : ",'error':'" + err.replace("'", "\\u0027") + "'")
                + (failCount == null ? "" : ",'fail_count':" + failCount)
                + (disable == null ? "" : ",'disable':" + disable) + "}");

        assertThat(r.state()).isEqualTo(state);
        assertThat(r.health()).isEqualTo(health);
        assertThat(r.vendorState()).isEqualTo("error".equals(word) ? ERROR : word);
        assertThat(r.error()).isEqualTo(err);
    }

    @ParameterizedTest(name = "last_sync={0}")
    @CsvSource(nullValues = "-", value = {"0", "-"})
    void shouldReportNeverSyncedAsNoRecoveryPointAndNoLag(String lastSync) {
        ReplicationStatus r = withStatus("{'id':'100-0','target':'pve2'"
                + (lastSync == null ? "" : ",'last_sync':" + lastSync) + "}");

        assertThat(r.lastRecoveryPoint()).isNull();
        assertThat(r.lagSeconds()).isNull();
    }

    @Test
    void shouldComputeLagFromThePollInstant() {
        ReplicationStatus r = withStatus("{'id':'100-0','target':'pve2','last_sync':" + (NOW.getEpochSecond() - 90) + "}");

        assertThat(r.lastRecoveryPoint()).isEqualTo(NOW.minusSeconds(90));
        assertThat(r.lagSeconds()).isEqualTo(90L);
    }

    /** Found by ProxmoxMapperFuzzTest: a last_sync past Instant.MAX threw a DateTimeException out of the poll. */
    @Test
    void shouldSkipAJobWhoseLastSyncIsNoTime() throws CollectorException {
        List<JsonNode> jobs = PveJson.list(ProxmoxFixtures.envelope("{\"data\":[{\"id\":\"100-0\",\"guest\":100}]}"), "jobs");
        Snapshot.Builder out = Snapshot.builder(NOW);

        mapper.map(jobs, Map.of("pve1", PveJson.list(ProxmoxFixtures.envelope("{\"data\":[{\"id\":\"100-0\","
                + "\"last_sync\":9223372036854775807}]}"), "s")), Map.of(), NOW, out);

        Snapshot snapshot = out.build();
        assertThat(snapshot.states()).isEmpty();
        assertThat(snapshot.skipped()).singleElement().asString().contains("last_sync");
    }

    @Test
    void shouldAcceptMissingOptionalFieldsTakingTheSourceFromTheNodeAndTheVmFromTheId() {
        ReplicationStatus r = mapper.withStatus(object("{'id':'205-1'}"), object("{'id':'205-1'}"), "pve4", Map.of(), NOW);

        assertThat(r.vmId()).isEqualTo("205");
        assertThat(r.sourceHost()).isEqualTo("pve4");
        assertThat(r.targetHost()).isNull();
        assertThat(r.failCount()).isNull();
        assertThat(r.state()).isEqualTo(ReplicationState.REPLICATING);
        assertThat(r.technology()).isEqualTo("pvesr");
    }

    @Test
    void shouldPlaceTargetAndSourceSitesByNodeSites() {
        EndpointConfig endpoint = ProxmoxFixtures.endpoint().toBuilder().nodeSites(Map.of("pve3", "london-dr")).build();
        ProxmoxReplicationMapper stretched = new ProxmoxReplicationMapper(
                ProxmoxRules.of(endpoint, ProxmoxSettings.DEFAULT_CRITICAL_FAIL_COUNT));
        JsonNode job = object("{'id':'100-0','guest':100,'source':'pve1','target':'pve3'}");

        ReplicationStatus r = stretched.withStatus(job, job, "pve1", Map.of(), NOW);

        assertThat(r.sourceSite()).isEqualTo(ProxmoxFixtures.SITE);
        assertThat(r.targetSite()).isEqualTo("london-dr");
        assertThat(r.site()).isEqualTo(ProxmoxFixtures.SITE);
    }

    @ParameterizedTest(name = "schedule={0} target-rpo={1} -> {2} s")
    @CsvSource(nullValues = "-", value = {"*/5, -, 600", "-, -, 1800", "*/15, -, 1800", "*/1, -, 120",
        "'mon..fri 22:00', -, 1800", "22:30, -, 1800", "*/5, PT4H, 14400", "-, PT10M, 600"})
    void shouldHoldJobsToTheConfiguredRpoOrTwiceTheirSchedule(String schedule, Duration targetRpo, long expected) {
        ProxmoxRules settings = ProxmoxRules.of(ProxmoxFixtures.endpoint().toBuilder().targetRpo(targetRpo).build(),
                ProxmoxSettings.DEFAULT_CRITICAL_FAIL_COUNT);

        assertThat(settings.targetRpoSeconds(schedule)).isEqualTo(expected);
    }

    @Test
    void shouldHonourAConfiguredCriticalFailCount() throws Exception {
        EndpointConfig endpoint = ProxmoxFixtures.endpoint().toBuilder().setting("critical-fail-count", "3").build();
        ProxmoxReplicationMapper lenient = new ProxmoxReplicationMapper(
                ProxmoxRules.of(endpoint, endpoint.settings(ProxmoxSettings.class).criticalFailCount()));
        JsonNode twice = object("{'id':'100-0','error':'x','fail_count':2}");
        JsonNode thrice = object("{'id':'100-0','error':'x','fail_count':3}");

        assertThat(lenient.withStatus(twice, twice, "pve1", Map.of(), NOW).health())
                .isEqualTo(ReplicationHealth.WARNING);
        assertThat(lenient.withStatus(thrice, thrice, "pve1", Map.of(), NOW).health())
                .isEqualTo(ReplicationHealth.CRITICAL);
    }

    @Test
    void shouldKeepTheLastKnownRecoveryPointWhileAJobHasNoStatus() throws CollectorException {
        List<JsonNode> jobs = PveJson.list(ProxmoxFixtures.envelope(
                "{\"data\":[{\"id\":\"100-0\",\"guest\":100,\"source\":\"pve1\",\"target\":\"pve2\"}]}"), "jobs");
        long lastSync = NOW.getEpochSecond() - 60;
        Snapshot.Builder first = Snapshot.builder(NOW);
        mapper.map(jobs, Map.of("pve1", PveJson.list(ProxmoxFixtures.envelope("{\"data\":[{\"id\":\"100-0\","
                + "\"guest\":100,\"target\":\"pve2\",\"last_sync\":" + lastSync + "}]}"), "s")), Map.of(), NOW, first);

        Instant later = NOW.plusSeconds(600);
        Snapshot.Builder second = Snapshot.builder(later);
        mapper.map(jobs, Map.of(), Map.of("100", "db-1"), later, second);

        ReplicationStatus unknown = (ReplicationStatus) second.build().states().get(0);
        assertThat(unknown.state()).isEqualTo(ReplicationState.UNKNOWN);
        assertThat(unknown.lastRecoveryPoint()).isEqualTo(Instant.ofEpochSecond(lastSync));
        assertThat(unknown.lagSeconds()).isEqualTo(660L);
        assertThat(unknown.name()).isEqualTo("db-1");
        assertThat(unknown.sourceHost()).isEqualTo("pve1");
    }

    private ReplicationStatus withStatus(String singleQuoted) {
        JsonNode status = object(singleQuoted);
        return mapper.withStatus(status, status, "pve1", Map.of(), NOW);
    }
}
