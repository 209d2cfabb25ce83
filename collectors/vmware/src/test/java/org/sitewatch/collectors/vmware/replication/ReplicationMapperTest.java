package org.sitewatch.collectors.vmware.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitewatch.events.EventValidator;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/** ReplicationInfo → ReplicationStatus: every documented status word, the sync time's two types, the target site. */
class ReplicationMapperTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BLOCK = "sitewatch.collectors.endpoints[0].vsphere.replication";
    static final String VC_A = "6a1e2c5c-0000-4000-8000-00000000000a";
    static final String VC_B = "7b2f3d6d-0000-4000-8000-00000000000b";
    static final Instant NOW = Instant.parse("2025-03-02T10:30:00Z");
    static final VrPairing PAIRING = new VrPairing("pair-ab", VC_A, "vc-a.example", VC_B, "vc-b.example");
    /** CompoundReplicationStatus as listed in shared/vendors/vmware.md section 3.2. */
    static final List<String> DOCUMENTED = List.of("FULL_SYNC", "SYNC", "INITIAL_FULL_SYNC", "PAUSED", "RPO_VIOLATION",
            "MOVING", "OK", "ERROR", "CONFIGURING", "NOT_ACTIVE", "UNKNOWN", "SYNC_RPO_VIOLATION",
            "NOT_ACTIVE_RPO_VIOLATION", "ERROR_RPO_VIOLATION", "FULL_SYNC_RPO_VIOLATION", "RECOVERING", "RECOVERED",
            "DISK_RESIZING");

    private final ReplicationMapper mapper = new ReplicationMapper("paris-dc1", settings(Map.of(VC_B, "london-dr")), BLOCK);

    static ReplicationSettings settings(Map<String, String> sites) {
        return new ReplicationSettings(URI.create("https://vr-a.example"), null, null, null, false, sites, null);
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = ReplicationMapperTest.class.getResourceAsStream("/replication/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** The doc's fixture item, with {@code status.status} replaced. */
    static ObjectNode info(String status) throws IOException {
        ObjectNode info = (ObjectNode) fixture("replications-doc.json").get("list").get(0).deepCopy();
        ((ObjectNode) info.get("status")).put("status", status).put("rpo_violation", false);
        return info;
    }

    private ReplicationStatus map(JsonNode info) {
        return mapper.map(PAIRING, info, Map.of(), NOW);
    }

    @Test
    void shouldMapTheDocumentsFixture() throws IOException {
        ReplicationStatus r = map(fixture("replications-doc.json").get("list").get(0));

        assertThat(r).isEqualTo(new ReplicationStatus("paris-dc1", Platform.VSPHERE,
                "GID-1b0d6c3e-0000-4c1e-9a51-000000000042", "vm-42", "app01", "paris-dc1", "london-dr", null, null,
                "vsphere-replication", ReplicationState.REPLICATING, ReplicationHealth.WARNING, "RPO_VIOLATION", 900L,
                Instant.ofEpochMilli(1740910200000L), 1740911400L - 1740910200L, null, null, null, false));
        assertThat(EventValidator.problems(r)).isEmpty();
    }

    @Test
    void shouldMapEveryDocumentedWordExplicitly() {
        assertThat(Arrays.stream(CompoundStatus.values()).map(Enum::name)).containsExactlyInAnyOrderElementsOf(DOCUMENTED);
    }

    @ParameterizedTest(name = "{0} -> {1}, {2}")
    @CsvSource({
        "OK, REPLICATING, OK",
        "SYNC, REPLICATING, OK",
        "FULL_SYNC, SYNCING, OK",
        "INITIAL_FULL_SYNC, SYNCING, OK",
        "PAUSED, PAUSED, WARNING",
        "RPO_VIOLATION, REPLICATING, WARNING",
        "MOVING, REPLICATING, OK",
        "ERROR, FAILED, CRITICAL",
        "CONFIGURING, NOT_CONFIGURED, OK",
        "NOT_ACTIVE, PAUSED, WARNING",
        "UNKNOWN, UNKNOWN, UNKNOWN",
        "SYNC_RPO_VIOLATION, REPLICATING, WARNING",
        "NOT_ACTIVE_RPO_VIOLATION, PAUSED, WARNING",
        "ERROR_RPO_VIOLATION, FAILED, CRITICAL",
        "FULL_SYNC_RPO_VIOLATION, SYNCING, WARNING",
        "RECOVERING, FAILED_OVER, WARNING",
        "RECOVERED, FAILED_OVER, OK",
        "DISK_RESIZING, REPLICATING, OK",
    })
    void shouldMapEachStatusWord(String word, ReplicationState state, ReplicationHealth health) throws IOException {
        ReplicationStatus r = map(info(word));

        assertThat(r.state()).isEqualTo(state);
        assertThat(r.health()).isEqualTo(health);
        assertThat(r.vendorState()).isEqualTo(word);
        assertThat(EventValidator.problems(r)).isEmpty();
    }

    @Test
    void shouldKeepAnUnknownWordAsUnknown() throws IOException {
        ReplicationStatus r = map(info("QUIESCING_GUEST"));

        assertThat(r.state()).isEqualTo(ReplicationState.UNKNOWN);
        assertThat(r.health()).isEqualTo(ReplicationHealth.UNKNOWN);
        assertThat(r.vendorState()).isEqualTo("QUIESCING_GUEST");
    }

    @Test
    void shouldMapAMissingStatusAsUnknownWithoutWord() throws IOException {
        ObjectNode info = info("OK");
        info.remove("status");

        ReplicationStatus r = map(info);

        assertThat(r.state()).isEqualTo(ReplicationState.UNKNOWN);
        assertThat(r.vendorState()).isNull();
    }

    @Test
    void shouldRaiseAnOkHealthWhenTheRpoViolationFlagIsSet() throws IOException {
        ObjectNode info = info("SYNC");
        ((ObjectNode) info.get("status")).put("rpo_violation", true);

        assertThat(map(info).health()).isEqualTo(ReplicationHealth.WARNING);
    }

    @Test
    void shouldKeepTheVendorsErrorWhileFailed() throws IOException {
        ObjectNode info = info("ERROR");
        info.putObject("last_group_error").put("message", "Datastore ds-b2 is not accessible").put("details", "x");

        assertThat(map(info).error()).isEqualTo("Datastore ds-b2 is not accessible");
        assertThat(map(info("ERROR_RPO_VIOLATION")).error()).isEqualTo("vSphere Replication status ERROR_RPO_VIOLATION");
        assertThat(map(info("OK")).error()).isNull();
    }

    @Test
    void shouldReadTheLastSyncTimeAsEpochMilliseconds() throws IOException {
        ObjectNode info = info("OK").put("last_sync_time", 1740910200123L);

        assertThat(map(info).lastRecoveryPoint()).isEqualTo(Instant.parse("2025-03-02T10:10:00.123Z"));
        assertThat(map(info).lagSeconds()).isEqualTo(1199L);
    }

    @Test
    void shouldReadASmallIntegerAsEpochSeconds() throws IOException {
        ObjectNode info = info("OK").put("last_sync_time", 1740910200L);

        assertThat(map(info).lastRecoveryPoint()).isEqualTo(Instant.parse("2025-03-02T10:10:00Z"));
        assertThat(map(info).lagSeconds()).isEqualTo(1200L);
    }

    @ParameterizedTest
    @CsvSource({
        "2025-03-02T10:10:00Z, 2025-03-02T10:10:00Z",
        "2025-03-02T11:10:00.5+01:00, 2025-03-02T10:10:00.500Z",
        "2025-03-02T10:10:00, 2025-03-02T10:10:00Z",
        "1740910200000, 2025-03-02T10:10:00Z",
    })
    void shouldReadTheLastSyncTimeAsAString(String text, Instant expected) throws IOException {
        assertThat(map(info("OK").put("last_sync_time", text)).lastRecoveryPoint()).isEqualTo(expected);
    }

    @Test
    void shouldTakeAbsentNullOrZeroAsNeverSynced() throws IOException {
        ObjectNode absent = info("INITIAL_FULL_SYNC");
        absent.remove("last_sync_time");

        assertThat(map(absent).lastRecoveryPoint()).isNull();
        assertThat(map(absent).lagSeconds()).isNull();
        assertThat(map(info("OK").putNull("last_sync_time")).lastRecoveryPoint()).isNull();
        assertThat(map(info("OK").put("last_sync_time", 0)).lastRecoveryPoint()).isNull();
    }

    /** Found by VsphereReplicationFuzzTest: 19 digits past Long.MAX_VALUE threw a NumberFormatException. */
    @Test
    void shouldSkipASyncTimeNoLongCanHold() {
        assertThatThrownBy(() -> SyncTimes.parse(JSON.getNodeFactory().textNode("9223372036854775808")))
                .isInstanceOf(UnusableRecordException.class).hasMessageContaining("out of range");
    }

    @Test
    void shouldSkipAnUnreadableSyncTimeRatherThanCallItNeverSynced() {
        assertThatThrownBy(() -> map(info("OK").put("last_sync_time", "yesterday")))
                .isInstanceOf(UnusableRecordException.class).hasMessageContaining("last_sync_time 'yesterday'");
    }

    @Test
    void shouldLeaveTheRpoOutWhenNotGiven() throws IOException {
        ObjectNode info = info("OK");
        info.remove("rpo");

        assertThat(map(info).targetRpoSeconds()).isNull();
    }

    @Test
    void shouldFindTheTargetSiteBySiteNameIgnoringCase() throws IOException {
        ReplicationMapper byName = new ReplicationMapper("paris-dc1", settings(Map.of("VC-B.Site-B.Example", "london-dr")), BLOCK);

        assertThat(byName.map(PAIRING, info("OK"), Map.of(), NOW).targetSite()).isEqualTo("london-dr");
    }

    @Test
    void shouldFindTheTargetSiteByThePairingsRemoteVcenter() throws IOException {
        ReplicationMapper byPairing = new ReplicationMapper("paris-dc1", settings(Map.of("vc-b.example", "london-dr")), BLOCK);

        assertThat(byPairing.map(PAIRING, info("OK"), Map.of(), NOW).targetSite()).isEqualTo("london-dr");
    }

    @Test
    void shouldPutAReplicationInsideTheLocalVcenterInTheEndpointsSite() throws IOException {
        ObjectNode local = info("OK").put("target_vc_id", VC_A).put("target_site_name", "vc-a.site-a.example");

        assertThat(map(local).targetSite()).isEqualTo("paris-dc1");
    }

    @Test
    void shouldSkipATargetMissingFromSitesNamingTheEntryToAdd() throws IOException {
        ObjectNode elsewhere = info("OK").put("target_vc_id", "8c3a4e7e-0000-4000-8000-00000000000c")
                .put("target_site_name", "vc-c.example");

        assertThatThrownBy(() -> map(elsewhere)).isInstanceOf(UnusableRecordException.class)
                .hasMessageContaining("GID-1b0d6c3e-0000-4c1e-9a51-000000000042 (app01)")
                .hasMessageContaining("add " + BLOCK + ".sites.8c3a4e7e-0000-4000-8000-00000000000c: <site>");
    }

    @Test
    void shouldLeaveIncomingReplicationsToTheOtherSitesCollector() throws IOException {
        ObjectNode incoming = info("OK").put("source_vc_id", VC_B).put("target_vc_id", VC_A);

        assertThat(map(incoming)).isNull();
    }

    @Test
    void shouldCarryTheVmsLastTestFailover() throws IOException {
        Instant tested = Instant.parse("2025-02-20T08:00:00Z");

        assertThat(mapper.map(PAIRING, info("OK"), Map.of("vm-42", tested), NOW).lastTestFailover()).isEqualTo(tested);
        assertThat(mapper.map(PAIRING, info("OK"), Map.of("vm-43", tested), NOW).lastTestFailover()).isNull();
    }

    @Test
    void shouldSkipARecordWithoutId() throws IOException {
        ObjectNode info = info("OK");
        info.remove("id");

        assertThatThrownBy(() -> map(info)).isInstanceOf(UnusableRecordException.class).hasMessageContaining("no id");
    }
}
