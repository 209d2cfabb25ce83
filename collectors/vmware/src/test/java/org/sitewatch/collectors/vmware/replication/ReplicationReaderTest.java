package org.sitewatch.collectors.vmware.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.collectors.vmware.replication.ReplicationMapperTest.VC_A;
import static org.sitewatch.collectors.vmware.replication.ReplicationMapperTest.VC_B;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.runtime.ChangeDetector;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.collectors.spi.settings.Secret;
import org.sitewatch.collectors.spi.settings.UserPassword;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationStatus;

/** The reader against loopback VR and SRM gateways: sessions, paging, failures and test recency. */
class ReplicationReaderTest {

    private static final String USER = "monitor@vsphere.local";
    private static final String PASSWORD = "vc-pass-never-shown";
    private static final Instant NOW = Instant.parse("2025-03-02T10:30:00Z");
    private static final String REPLICATIONS = "/pairings/pair-ab/replications";
    private static final EndpointConfig ENDPOINT = EndpointConfig.builder("paris-vc", "paris-dc1",
            org.sitewatch.events.Platform.VSPHERE).timeout(Duration.ofSeconds(5)).build();
    private static final String BLOCK = ENDPOINT.vendor().key() + ".replication";

    private FakeDrGateway vr;
    private FakeDrGateway srm;

    @BeforeEach
    void startVr() throws IOException {
        vr = new FakeDrGateway("/vr-a", VrClient.API_ROOT, USER, PASSWORD)
                .route("/pairings", 200, ReplicationMapperTest.fixture("pairings.json").toString())
                .route(REPLICATIONS, 200, ReplicationMapperTest.fixture("replications-doc.json").toString());
    }

    @AfterEach
    void stop() {
        vr.close();
        if (srm != null) {
            srm.close();
        }
    }

    private ReplicationReader reader(EndpointConfig endpoint, Duration srmRefresh) throws CollectorException {
        ReplicationSettings settings = new ReplicationSettings(URI.create(vr.url("/vr-a")), null,
                srm == null ? null : URI.create(srm.url("/srm-a")), null, false,
                Map.of(VC_B, "london-dr", "site-b", "london-dr"), srmRefresh);
        return new ReplicationReader(endpoint, settings, new UserPassword(USER, Secret.inline(PASSWORD)));
    }

    private ReplicationReader reader() throws CollectorException {
        return reader(ENDPOINT, Duration.ZERO);
    }

    @Test
    void shouldLogInOnceAndSendTheSessionWithEveryCall() throws Exception {
        ReplicationReader reader = reader();

        ReplicationRead first = reader.read(NOW);
        reader.read(NOW.plusSeconds(15));

        assertThat(first.items()).singleElement().satisfies(r -> {
            assertThat(r.vmId()).isEqualTo("vm-42");
            assertThat(r.targetSite()).isEqualTo("london-dr");
            assertThat(r.health()).isEqualTo(ReplicationHealth.WARNING);
        });
        assertThat(first.skipped()).isEmpty();
        assertThat(first.unreadable()).isEmpty();
        assertThat(vr.logins()).isEqualTo(1);
        assertThat(vr.requests).filteredOn(r -> r.method().equals("POST")).singleElement()
                .satisfies(r -> assertThat(r.uri()).isEqualTo("/vr-a/api/rest/vr/v2/session"));
        assertThat(vr.requests).filteredOn(r -> r.method().equals("GET")).hasSize(4)
                .allSatisfy(r -> assertThat(r.session()).isEqualTo("session-1"))
                .allSatisfy(r -> assertThat(r.authorization()).isNull());
        assertThat(vr.gets()).startsWith("/pairings?limit=100&offset=0", REPLICATIONS + "?limit=100&offset=0");
    }

    @Test
    void shouldLogInAgainOnceWhenTheSessionExpired() throws Exception {
        ReplicationReader reader = reader();
        reader.read(NOW);
        vr.expireSession();

        ReplicationRead again = reader.read(NOW.plusSeconds(15));

        assertThat(again.items()).hasSize(1);
        assertThat(again.unreadable()).isEmpty();
        assertThat(vr.logins()).isEqualTo(2);
    }

    @Test
    void shouldFailPermanentlyWhenRefusedAgainAfterANewLogin() throws Exception {
        ReplicationReader reader = reader();
        vr.refuseEverySession();

        assertThatThrownBy(() -> reader.read(NOW)).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.permanent()).isTrue();
            assertThat(e.remedy()).contains(BLOCK + ".login");
            assertThat(e.describe()).doesNotContain(PASSWORD);
        });
        assertThat(vr.logins()).isEqualTo(2);
    }

    @Test
    void shouldFailPermanentlyOnAForbiddenAnswerWithTheVendorsMessage() throws Exception {
        vr.route("/pairings", 403, "{\"error_code\":\"FORBIDDEN\",\"message\":\"User lacks VRM.View\",\"op_id\":\"op-9\"}");

        assertThatThrownBy(() -> reader().read(NOW)).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("HTTP 403").contains("User lacks VRM.View");
            assertThat(e.remedy()).contains("read access");
        });
        assertThat(vr.logins()).isEqualTo(1);
    }

    @Test
    void shouldFailPermanentlyWhenTheLoginIsRefused() throws Exception {
        ReplicationSettings settings = new ReplicationSettings(URI.create(vr.url("/vr-a")), null, null, null, false,
                Map.of(VC_B, "london-dr"), null);
        ReplicationReader reader = new ReplicationReader(ENDPOINT, settings, new UserPassword(USER, Secret.inline("wrong")));

        assertThatThrownBy(() -> reader.read(NOW)).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.getMessage()).contains("POST /session as " + USER).contains("HTTP 401");
            assertThat(e.remedy()).contains(BLOCK + ".login").contains(ENDPOINT.vendor().key() + ".login");
        });
    }

    @Test
    void shouldReadEveryPageUntilTheTotal() throws Exception {
        vr.route(REPLICATIONS, query -> query.endsWith("offset=0") ? page(0, 100, 150)
                : query.endsWith("offset=100") ? page(100, 50, 150) : new FakeDrGateway.Answer(400, "{}"));

        ReplicationRead read = reader().read(NOW);

        assertThat(read.items()).hasSize(150);
        assertThat(read.items().get(149).vmId()).isEqualTo("vm-149");
        assertThat(vr.gets()).containsExactly("/pairings?limit=100&offset=0", REPLICATIONS + "?limit=100&offset=0",
                REPLICATIONS + "?limit=100&offset=100");
    }

    @Test
    void shouldFollowTheNextLinkWhenGiven() throws Exception {
        vr.route(REPLICATIONS, query -> {
            if (query.contains("cursor=2")) {
                return page(2, 1, null);
            }
            FakeDrGateway.Answer first = page(0, 2, null);
            String withLink = first.body().replace("\"_meta\":{", "\"_meta\":{\"links\":{\"next\":{\"href\":"
                    + "\"/vr-a/api/rest/vr/v2" + REPLICATIONS + "?cursor=2\"}},");
            return new FakeDrGateway.Answer(200, withLink);
        });

        ReplicationRead read = reader().read(NOW);

        assertThat(read.items()).extracting(ReplicationStatus::vmId).containsExactly("vm-0", "vm-1", "vm-2");
        assertThat(vr.gets()).endsWith(REPLICATIONS + "?cursor=2");
    }

    @Test
    void shouldReportAServerErrorAsAPartialReadKeepingItsMessage() throws Exception {
        vr.route(REPLICATIONS, 500, "{\"error_code\":\"INTERNAL\",\"message\":\"Replication server hbr-b unreachable\","
                + "\"op_id\":\"op-7\"}");

        ReplicationRead read = reader().read(NOW);

        assertThat(read.items()).isEmpty();
        assertThat(read.unreadable()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(EventType.REPLICATION_STATUS);
            assertThat(p.scope()).isEqualTo(Scope.endpoint(ReplicationReader.VR_SCOPE));
            assertThat(p.reason()).contains("HTTP 500").contains("Replication server hbr-b unreachable");
        });
    }

    @Test
    void shouldReportALoginServerErrorAsAPartialReadWithItsCodes() throws Exception {
        vr.answerLogins(503, "{\"error_code\":\"SERVICE_UNAVAILABLE\",\"message\":\"VRMS is starting\",\"op_id\":\"op-3\"}");

        ReplicationRead read = reader().read(NOW);

        assertThat(read.unreadable()).singleElement().extracting(PartialRead::reason).asString()
                .contains("HTTP 503: VRMS is starting (error_code SERVICE_UNAVAILABLE, op_id op-3)");
    }

    @Test
    void shouldReportATimeOutAsAPartialRead() throws Exception {
        vr.route(REPLICATIONS, 0, "");
        EndpointConfig quick = ENDPOINT.toBuilder().timeout(Duration.ofMillis(500)).build();

        ReplicationRead read = reader(quick, Duration.ZERO).read(NOW);

        assertThat(read.unreadable()).singleElement().extracting(PartialRead::reason).asString().contains("no answer in time");
    }

    @Test
    void shouldReportAMissingPathAsAPartialReadNamingTheUrlKey() throws Exception {
        vr.route("/pairings", 404, "{\"error_code\":\"NOT_FOUND\",\"message\":\"Not found\",\"op_id\":\"op-4\"}");

        ReplicationRead read = reader().read(NOW);

        assertThat(read.unreadable()).singleElement().extracting(PartialRead::reason).asString()
                .contains("HTTP 404").contains(BLOCK + ".url");
    }

    @Test
    void shouldSkipAReplicationToAnUnknownSiteAndMarkTheTypePartial() throws Exception {
        vr.route(REPLICATIONS, 200, ReplicationMapperTest.fixture("replications-doc.json").toString()
                .replace(VC_B, "8c3a4e7e-0000-4000-8000-00000000000c").replace("vc-b.site-b.example", "vc-c.example"));

        ReplicationRead read = reader().read(NOW);
        Snapshot.Builder snapshot = Snapshot.builder(NOW);
        read.addTo(snapshot);

        assertThat(read.items()).isEmpty();
        assertThat(read.skipped()).singleElement().asString()
                .contains(BLOCK + ".sites.8c3a4e7e-0000-4000-8000-00000000000c");
        assertThat(snapshot.build().partialTypes()).containsExactly(EventType.REPLICATION_STATUS);
    }

    @Test
    void shouldTakeTheNewestSuccessfulTestOfAPlanCoveringTheVmsGroup() throws Exception {
        startSrm();

        ReplicationRead read = reader().read(NOW);

        assertThat(read.unreadable()).isEmpty();
        assertThat(read.items()).singleElement().extracting(ReplicationStatus::lastTestFailover)
                .isEqualTo(Instant.parse("2025-02-20T09:40:00Z"));
        // pg-2 is protected at london-dr: its plan's history is not even read.
        assertThat(srm.gets()).noneMatch(p -> p.startsWith("/recovery-plans/rp-2/"));
        assertThat(srm.requests).filteredOn(r -> r.method().equals("GET"))
                .allSatisfy(r -> assertThat(r.session()).isEqualTo("session-1"));
    }

    @Test
    void shouldKeepTheLastTestsAndReportAPartialReadWhenSrmFails() throws Exception {
        startSrm();
        ReplicationReader reader = reader();
        reader.read(NOW);
        srm.route("/recovery-plans", 500, "{\"error_code\":\"INTERNAL\",\"message\":\"SRM database down\",\"op_id\":\"o\"}");

        ReplicationRead read = reader.read(NOW.plusSeconds(15));

        assertThat(read.items()).singleElement().extracting(ReplicationStatus::lastTestFailover)
                .isEqualTo(Instant.parse("2025-02-20T09:40:00Z"));
        assertThat(read.unreadable()).singleElement().satisfies(p -> {
            assertThat(p.scope()).isEqualTo(Scope.node(ReplicationReader.SRM_SCOPE));
            assertThat(p.reason()).contains("kept from " + NOW).contains("SRM database down");
        });
    }

    @Test
    void shouldStillPublishFreshItemsWhileSrmIsUnreadable() throws Exception {
        startSrm();
        srm.answerLogins(403, "{\"error_code\":\"FORBIDDEN\",\"message\":\"no SRM rights\",\"op_id\":\"o\"}");
        ReplicationReader reader = reader();
        ChangeDetector detector = new ChangeDetector(1000);
        ReplicationRead first = reader.read(NOW);
        detector.onSnapshot(snapshot(first, NOW));
        vr.route(REPLICATIONS, 200, ReplicationMapperTest.fixture("replications-doc.json").toString()
                .replace("\"RPO_VIOLATION\",\"rpo_violation\":true", "\"OK\",\"rpo_violation\":false"));

        ReplicationRead second = reader.read(NOW.plusSeconds(15));

        assertThat(first.items()).singleElement().extracting(ReplicationStatus::lastTestFailover).isNull();
        assertThat(second.unreadable()).singleElement().extracting(PartialRead::reason).asString()
                .contains("none known yet").contains("no SRM rights").contains(BLOCK + ".login");
        assertThat(detector.onSnapshot(snapshot(second, NOW.plusSeconds(15))).toPublish()).singleElement()
                .satisfies(d -> assertThat(((ReplicationStatus) d).health()).isEqualTo(ReplicationHealth.OK));
    }

    @Test
    void shouldReuseTheSrmReadForTheRefreshPeriod() throws Exception {
        startSrm();
        ReplicationReader reader = reader(ENDPOINT, Duration.ofMinutes(1));

        reader.read(NOW);
        reader.read(NOW.plusSeconds(30));
        reader.read(NOW.plusSeconds(60));

        assertThat(srm.gets()).filteredOn(p -> p.startsWith("/recovery-plans/rp-1/history")).hasSize(2);
    }

    private static Snapshot snapshot(ReplicationRead read, Instant at) {
        Snapshot.Builder b = Snapshot.builder(at);
        read.addTo(b);
        return b.build();
    }

    private void startSrm() {
        srm = new FakeDrGateway("/srm-a", SrmClient.API_ROOT, USER, PASSWORD)
                .route("/protection-groups", 200, list(
                        "{\"id\":\"pg-1\",\"name\":\"app\",\"replication_type\":\"HBR\",\"protected_site_name\":\"site-a\","
                                + "\"recovery_site_name\":\"site-b\",\"status\":\"READY\"}",
                        "{\"id\":\"pg-2\",\"name\":\"back\",\"replication_type\":\"HBR\",\"protected_site_name\":\"site-b\","
                                + "\"recovery_site_name\":\"site-a\",\"status\":\"READY\"}"))
                .route("/protection-groups/pg-1/virtual-machines", 200,
                        list("{\"id\":\"vm-42\",\"name\":\"app01\",\"replication_status\":\"OK\"}"))
                .route("/protection-groups/pg-2/virtual-machines", 200,
                        list("{\"id\":\"vm-42\",\"name\":\"other-vcenters-vm\",\"replication_status\":\"OK\"}"))
                .route("/recovery-plans", 200, list(
                        "{\"id\":\"rp-1\",\"name\":\"app plan\",\"status\":\"READY_STATE\",\"protection_groups\":[\"pg-1\"]}",
                        "{\"id\":\"rp-2\",\"name\":\"back plan\",\"status\":\"READY_STATE\",\"protection_groups\":[\"pg-2\"]}"))
                .route("/recovery-plans/rp-1/history", 200, list(
                        run("h1", "TEST", "SUCCESS", "2025-01-10T09:00:00Z", "2025-01-10T09:30:00Z"),
                        run("h2", "TEST", "SUCCESS", "2025-02-20T09:00:00Z", "2025-02-20T09:40:00Z"),
                        run("h3", "CLEANUP", "SUCCESS", "2025-02-20T10:00:00Z", "2025-02-20T10:05:00Z"),
                        run("h4", "TEST", "WARNING", "2025-02-25T09:00:00Z", "2025-02-25T09:30:00Z"),
                        run("h5", "TEST", "ERROR", "2025-02-26T09:00:00Z", "2025-02-26T09:10:00Z"),
                        run("h6", "RECOVERY", "SUCCESS", "2025-02-27T09:00:00Z", "2025-02-27T09:50:00Z")))
                .route("/recovery-plans/rp-2/history", 200, list(
                        run("h7", "TEST", "SUCCESS", "2025-03-01T09:00:00Z", "2025-03-01T09:30:00Z")));
    }

    private static String run(String id, String operation, String result, String start, String end) {
        return "{\"id\":\"" + id + "\",\"operation\":\"" + operation + "\",\"result\":\"" + result
                + "\",\"start_time\":\"" + start + "\",\"end_time\":\"" + end + "\"}";
    }

    private static String list(String... items) {
        return "{\"list\":[" + String.join(",", items) + "],\"_meta\":{\"total\":" + items.length
                + ",\"offset\":0,\"limit\":100}}";
    }

    /** Items {@code vm-<from>} ... with the doc fixture's fields; a total, unless null. */
    private static FakeDrGateway.Answer page(int from, int count, Integer total) {
        try {
            ObjectNode answer = ReplicationMapperTest.JSON.createObjectNode();
            ArrayNode items = answer.putArray("list");
            for (int i = from; i < from + count; i++) {
                items.add(ReplicationMapperTest.info("OK").put("id", "GID-" + i).put("vm_id", "vm-" + i));
            }
            ObjectNode meta = answer.putObject("_meta");
            if (total != null) {
                meta.put("total", total);
            }
            meta.put("offset", from).put("limit", 100);
            return new FakeDrGateway.Answer(200, answer.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldNotNeedASitesEntryForTheLocalVcenter() throws Exception {
        vr.route(REPLICATIONS, 200, ReplicationMapperTest.fixture("replications-doc.json").toString()
                .replace(VC_B, VC_A));

        assertThat(reader().read(NOW).items()).singleElement().extracting(ReplicationStatus::targetSite)
                .isEqualTo("paris-dc1");
    }

    @Test
    void shouldRefuseToStartWithoutAnyLogin() {
        ReplicationSettings settings = new ReplicationSettings(URI.create(vr.url("/vr-a")), null, null, null, false,
                Map.of(VC_B, "london-dr"), null);

        assertThatThrownBy(() -> new ReplicationReader(ENDPOINT, settings, null))
                .isInstanceOfSatisfying(CollectorException.class, e -> assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONFIG));
    }

    @Test
    void shouldStopPagingWhenTheNextLinkLoopsBack() throws Exception {
        vr.route(REPLICATIONS, query -> new FakeDrGateway.Answer(200, page(0, 1, null).body().replace("\"_meta\":{",
                "\"_meta\":{\"links\":{\"next\":{\"href\":\"/vr-a/api/rest/vr/v2" + REPLICATIONS + "?limit=100&offset=0\"}},")));

        ReplicationRead read = reader().read(NOW);

        assertThat(read.unreadable()).singleElement().extracting(PartialRead::reason).asString()
                .contains("stopped paging, the next page is one already read");
    }

    @Test
    void shouldTakeAnApplianceUrlThatAlreadyEndsWithTheApiRoot() {
        assertThat(VrClient.apiRoot(URI.create("https://vr-a.example.org/")))
                .isEqualTo(URI.create("https://vr-a.example.org/api/rest/vr/v2"));
        assertThat(VrClient.apiRoot(URI.create("https://proxy/vr-a/api/rest/vr/v2/")))
                .isEqualTo(URI.create("https://proxy/vr-a/api/rest/vr/v2"));
        assertThat(SrmClient.apiRoot(URI.create("https://srm-a.example.org")))
                .isEqualTo(URI.create("https://srm-a.example.org/api/rest/srm/v2"));
    }
}
