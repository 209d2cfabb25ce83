package org.sitewatch.collectors.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.collectors.azure.AsrFixtures.a2a;
import static org.sitewatch.collectors.azure.AsrFixtures.availability;
import static org.sitewatch.collectors.azure.AsrFixtures.healthError;
import static org.sitewatch.collectors.azure.AsrFixtures.healthy;
import static org.sitewatch.collectors.azure.AsrFixtures.hyperVReplica2012R2;
import static org.sitewatch.collectors.azure.AsrFixtures.hyperVReplicaAzure;
import static org.sitewatch.collectors.azure.AsrFixtures.inMageAzureV2;
import static org.sitewatch.collectors.azure.AsrFixtures.inMageRcm;
import static org.sitewatch.collectors.azure.AsrFixtures.item;
import static org.sitewatch.collectors.azure.AsrFixtures.itemsPath;
import static org.sitewatch.collectors.azure.AsrFixtures.page;
import static org.sitewatch.collectors.azure.AsrFixtures.state;
import static org.sitewatch.collectors.azure.AsrFixtures.vault;
import static org.sitewatch.collectors.azure.AsrFixtures.vaultPath;
import static org.sitewatch.collectors.azure.AsrFixtures.vmId;
import static org.sitewatch.collectors.azure.AsrFixtures.vmStatus;
import static org.sitewatch.collectors.azure.FakeAzure.Answer.json;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.collectors.azure.FakeAzure.Answer;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.PollingSource;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SiteLocation;
import org.sitewatch.events.VmState;

/**
 * The collector through the real Azure SDK (identity, pipeline, paging) against an HTTPS fake of
 * the token endpoint and ARM on 127.0.0.1: several vaults, two pages, each provider type, a 429
 * with Retry-After, an expiring token, refused credentials.
 */
class AzureCollectorTest {

    private static final Instant NOW = Instant.parse("2025-01-01T09:10:00Z");
    private static final String VMS = "/subscriptions/" + AsrFixtures.SUBSCRIPTION + "/providers/Microsoft.Compute/virtualMachines";
    private static final String APP01 = vmId("rg-app", "vm-app01");
    private static final String SQL01_RECOVERY = vmId("rg-recovery", "sql01-asr");

    @TempDir
    static Path dir;
    private static TestCertificate certificate;
    private FakeAzure azure;

    @BeforeAll
    static void certificate() throws Exception {
        certificate = TestCertificate.generate(dir);
    }

    @BeforeEach
    void start() throws Exception {
        azure = new FakeAzure(certificate);
        azure.answer(vaultPath("rg-dr", "rsv-weu"), json(vault("rg-dr", "rsv-weu", "westeurope")));
        azure.answer(vaultPath("rg-dr", "rsv-neu"), json(vault("rg-dr", "rsv-neu", "northeurope")));
        String next = azure.url() + itemsPath("rg-dr", "rsv-weu").substring(1) + "?api-version=2025-01-01&$skiptoken=2";
        azure.answer(itemsPath("rg-dr", "rsv-weu"), json(page(List.of(
                item("rg-dr", "rsv-weu", "asr-a2a-default-westeurope", "vm-app01-9f2c", healthy("vm-app01", "West Europe", "North Europe"),
                        a2a("westeurope", "northeurope", 120, "2025-01-01T09:05:00Z", APP01, "rg-recovery")),
                item("rg-dr", "rsv-weu", "hv-cluster-paris", "hv-sql01",
                        state("sql01", "hv-cluster-paris", "Microsoft Azure", "Protected", "Primary", "Warning",
                                "[" + healthError("153007", "RPO exceeded") + "]"),
                        hyperVReplicaAzure(1860, "2025-01-01T08:40:00Z", "sql01-asr", "rg-recovery"))), next)));
        azure.answer(itemsPath("rg-dr", "rsv-weu") + "?$skiptoken=2", json(page(List.of(
                item("rg-dr", "rsv-weu", "vcsa-lyon", "vmw-web01", healthy("web01", "vcsa-lyon", "Microsoft Azure"),
                        inMageRcm(300, "2025-01-01T09:05:00Z")),
                item("rg-dr", "rsv-weu", "cs-lyon", "vmw-db01", healthy("db01", "cs-lyon", "Microsoft Azure"),
                        inMageAzureV2(60, "2025-01-01T09:09:00Z")),
                item("rg-dr", "rsv-weu", "hv-paris", "hv-file01", healthy("file01", "hv-paris", "hv-marseille"),
                        hyperVReplica2012R2("2025-01-01T09:00:00Z"))), null)));
        azure.answer(itemsPath("rg-dr", "rsv-neu"), json(page(List.of(
                item("rg-dr", "rsv-neu", "asr-a2a-default-northeurope", "vm-api02", state("vm-api02", "North Europe",
                        "West Europe", "Protected", "Recovery", "Normal", "[]"),
                        a2a("northeurope", "westeurope", 30, "2025-01-01T09:09:00Z", vmId("rg-app", "vm-api02"), "rg-weu")),
                item("rg-dr", "rsv-neu", "asr-a2a-default-northeurope", "vm-api03", state("vm-api03", "North Europe",
                        "West Europe", "UnplannedFailoverFailed", "Primary", "Critical", "[]"),
                        a2a("northeurope", "westeurope", 30, "2025-01-01T09:09:00Z", vmId("rg-app", "vm-api03"), "rg-weu"))),
                null)));
        azure.answer(VMS, json(page(List.of(
                vmStatus(APP01, "vm-app01", "westeurope", "running"),
                vmStatus(SQL01_RECOVERY, "sql01-asr", "westeurope", "deallocated"),
                vmStatus(vmId("rg-other", "unrelated"), "unrelated", "westeurope", "running")), null)));
        azure.answer(APP01 + "/providers/Microsoft.ResourceHealth/availabilityStatuses/current",
                json(availability("Degraded", "We're sorry, your virtual machine is degraded")));
        azure.answer(SQL01_RECOVERY + "/providers/Microsoft.ResourceHealth/availabilityStatuses/current",
                json(availability("Available", "There aren't any known Azure platform problems")));
    }

    @AfterEach
    void stop() {
        azure.close();
    }

    private EndpointConfig.Builder endpoint(List<Map<String, String>> vaults) {
        return EndpointConfig.builder("az", "azure-weu", Platform.AZURE)
                .location(new SiteLocation("azure", "westeurope"))
                .targetRpo(Duration.ofMinutes(15))
                .timeout(Duration.ofSeconds(5))
                .setting("tenant-id", FakeAzure.TENANT)
                .setting("client-id", FakeAzure.CLIENT_ID)
                .setting("client-secret", FakeAzure.CLIENT_SECRET)
                .setting("subscription-id", AsrFixtures.SUBSCRIPTION)
                .setting("vaults", vaults)
                .setting("authority-host", azure.url().toString())
                .setting("resource-manager-endpoint", azure.url().toString())
                .setting("ca-file", certificate.pem.toString())
                .setting("sites", Map.of("hv-cluster-paris", "paris", "vcsa-lyon", "lyon", "cs-lyon", "lyon",
                        "hv-paris", "paris", "hv-marseille", "marseille", "northeurope", "azure-neu"));
    }

    private static List<Map<String, String>> vaults(String... names) {
        return java.util.Arrays.stream(names).map(n -> Map.of("resource-group", "rg-dr", "name", n))
                .collect(Collectors.toList());
    }

    private PollingSource collector(EndpointConfig endpoint, Clock clock) throws CollectorException {
        return (PollingSource) new AzureCollectorFactory().create(endpoint, new CollectorContext(clock));
    }

    private PollingSource collector(EndpointConfig endpoint) throws CollectorException {
        return collector(endpoint, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, ReplicationStatus> items(Snapshot snapshot) {
        return snapshot.states().stream().filter(ReplicationStatus.class::isInstance).map(ReplicationStatus.class::cast)
                .collect(Collectors.toMap(ReplicationStatus::name, Function.identity()));
    }

    private static Map<String, VmState> vms(Snapshot snapshot) {
        return snapshot.states().stream().filter(VmState.class::isInstance).map(VmState.class::cast)
                .collect(Collectors.toMap(VmState::name, Function.identity()));
    }

    @Test
    void shouldReadEveryVaultOverBothPagesWithEachProviderType() throws Exception {
        Snapshot snapshot = collector(endpoint(vaults("rsv-weu", "rsv-neu")).build()).poll();

        assertThat(snapshot.unreadable()).isEmpty();
        assertThat(snapshot.skipped()).isEmpty();
        assertThat(items(snapshot).values()).allSatisfy(item -> assertThat(List.of(item.site(), item.sourceSite(),
                item.targetSite())).allMatch(site -> AzureSettings.SITE_NAME.matcher(site).matches()));
        Map<String, ReplicationStatus> items = items(snapshot);
        assertThat(items).containsOnlyKeys("vm-app01", "sql01", "web01", "db01", "file01", "vm-api02", "vm-api03");

        ReplicationStatus app = items.get("vm-app01");
        assertThat(app.itemId()).startsWith("/subscriptions/").endsWith("/replicationprotecteditems/vm-app01-9f2c");
        assertThat(app.platform()).isEqualTo(Platform.AZURE);
        assertThat(app.site()).isEqualTo("azure-weu");
        assertThat(app.sourceSite()).isEqualTo("azure-weu");
        assertThat(app.targetSite()).isEqualTo("azure-neu");
        assertThat(app.technology()).isEqualTo("asr");
        assertThat(app.state()).isEqualTo(ReplicationState.REPLICATING);
        assertThat(app.health()).isEqualTo(ReplicationHealth.OK);
        assertThat(app.lastRecoveryPoint()).isEqualTo(Instant.parse("2025-01-01T09:03:00Z"));
        assertThat(app.lagSeconds()).isEqualTo(420);
        assertThat(app.targetRpoSeconds()).isEqualTo(900);
        assertThat(app.lastTestFailover()).isEqualTo(Instant.parse("2025-01-01T06:00:00Z"));
        assertThat(app.vmId()).isEqualTo(APP01.toLowerCase());
        assertThat(app.error()).isNull();

        ReplicationStatus sql = items.get("sql01");
        assertThat(sql.sourceSite()).isEqualTo("paris");
        assertThat(sql.targetSite()).isEqualTo("azure-weu");
        assertThat(sql.health()).isEqualTo(ReplicationHealth.WARNING);
        assertThat(sql.error()).isEqualTo("153007: RPO exceeded");
        assertThat(sql.lagSeconds()).isEqualTo(1800);

        assertThat(items.get("web01").sourceSite()).isEqualTo("lyon");
        assertThat(items.get("web01").lagSeconds()).isEqualTo(300);
        assertThat(items.get("db01").lagSeconds()).isEqualTo(120);
        assertThat(items.get("file01").sourceSite()).isEqualTo("paris");
        assertThat(items.get("file01").targetSite()).isEqualTo("marseille");
        assertThat(items.get("file01").lagSeconds()).isEqualTo(600);

        assertThat(items.get("vm-api02").state()).isEqualTo(ReplicationState.FAILED_OVER);
        assertThat(items.get("vm-api02").sourceSite()).isEqualTo("azure-neu");
        assertThat(items.get("vm-api03").state()).isEqualTo(ReplicationState.FAILED);
        assertThat(items.get("vm-api03").health()).isEqualTo(ReplicationHealth.CRITICAL);
        assertThat(items.get("vm-api03").vendorState()).isEqualTo("UnplannedFailoverFailed");
        assertThat(items.get("vm-api03").error()).isEqualTo("UnplannedFailoverFailed");

        Map<String, VmState> vms = vms(snapshot);
        assertThat(vms).containsOnlyKeys("vm-app01", "sql01-asr");
        assertThat(vms.get("vm-app01").power()).isEqualTo(PowerState.RUNNING);
        assertThat(vms.get("vm-app01").vendorState())
                .isEqualTo("running; Resource Health Degraded: We're sorry, your virtual machine is degraded");
        assertThat(vms.get("sql01-asr").power()).isEqualTo(PowerState.STOPPED);
        assertThat(vms.get("sql01-asr").vendorState()).isEqualTo("deallocated");
        assertThat(azure.requestsTo(itemsPath("rg-dr", "rsv-weu"))).isEqualTo(2);
    }

    @Test
    void shouldReadEveryVaultOfTheSubscriptionWhenNoneIsConfigured() throws Exception {
        azure.answer("/subscriptions/" + AsrFixtures.SUBSCRIPTION + "/providers/Microsoft.RecoveryServices/vaults",
                json(page(List.of(vault("rg-dr", "rsv-weu", "westeurope"), vault("rg-dr", "rsv-neu", "northeurope")), null)));

        Snapshot snapshot = collector(endpoint(List.of()).build()).poll();

        assertThat(items(snapshot)).hasSize(7);
        assertThat(azure.requestsTo(vaultPath("rg-dr", "rsv-weu"))).as("the list gave the region").isZero();
    }

    @Test
    void shouldReportAThrottledVaultAsAPartialReadWhileTheOthersRead() throws Exception {
        azure.answer(vaultPath("rg-dr", "rsv-busy"), json(vault("rg-dr", "rsv-busy", "westeurope")));
        azure.answer(itemsPath("rg-dr", "rsv-busy"), Answer.throttled(60));

        Snapshot snapshot = collector(endpoint(vaults("rsv-weu", "rsv-busy", "rsv-neu")).build()).poll();

        assertThat(items(snapshot)).hasSize(7);
        assertThat(snapshot.partialTypes()).containsExactly(EventType.REPLICATION_STATUS);
        PartialRead busy = snapshot.unreadable().get(0);
        assertThat(snapshot.unreadable()).hasSize(1);
        assertThat(busy.scope().name()).isEqualTo("vault rg-dr/rsv-busy");
        assertThat(busy.reason()).contains("vault rg-dr/rsv-busy").contains("HTTP 429 TooManyRequests");
        assertThat(azure.requestsTo(itemsPath("rg-dr", "rsv-busy")))
                .as("a Retry-After beyond the request time-out is not waited for").isEqualTo(1);
    }

    @Test
    void shouldWaitForAShortRetryAfterAndThenRead() throws Exception {
        azure.answer(itemsPath("rg-dr", "rsv-neu"), Answer.throttled(1), json(page(List.of(), null)));

        long started = System.nanoTime();
        Snapshot snapshot = collector(endpoint(vaults("rsv-neu")).build()).poll();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(snapshot.unreadable()).isEmpty();
        assertThat(azure.requestsTo(itemsPath("rg-dr", "rsv-neu"))).isEqualTo(2);
    }

    @Test
    void shouldFailThePollWhenNoVaultAnswers() throws Exception {
        azure.answer(itemsPath("rg-dr", "rsv-weu"), Answer.error(500, "InternalServerError", "boom"));
        azure.answer(itemsPath("rg-dr", "rsv-neu"), Answer.error(503, "ServiceUnavailable", "later"));

        assertThatThrownBy(() -> collector(endpoint(vaults("rsv-weu", "rsv-neu")).build()).poll())
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.HTTP_5XX);
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).contains("vault rg-dr/rsv-weu").contains("HTTP 500");
                });
    }

    @Test
    void shouldGetANewTokenWhenTheOldOneExpired() throws Exception {
        azure.tokenLifetime(2);
        PollingSource source = collector(endpoint(vaults("rsv-neu")).build());

        assertThat(items(source.poll())).hasSize(2);
        int first = azure.tokensIssued();
        Thread.sleep(2_500);
        Snapshot second = source.poll();

        assertThat(second.unreadable()).isEmpty();
        assertThat(items(second)).hasSize(2);
        assertThat(azure.tokensIssued()).isGreaterThan(first);
    }

    @Test
    void shouldReportRefusedCredentialsAsPermanentAuthWithoutTheSecret() throws Exception {
        EndpointConfig endpoint = endpoint(vaults("rsv-weu")).setting("client-secret", "wrong-secret-value").build();

        assertThatThrownBy(() -> collector(endpoint).poll())
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.remedy()).contains("endpoints[az].azure.tenant-id").contains(".client-id")
                            .contains(".client-secret");
                    assertThat(e.describe()).doesNotContain("wrong-secret-value").doesNotContain(FakeAzure.CLIENT_SECRET);
                });
        assertThat(azure.requestsTo(itemsPath("rg-dr", "rsv-weu"))).isZero();
    }

    @Test
    void shouldReportATokenRefusedByArmAsPermanentAuth() throws Exception {
        azure.armRefusesTokens();

        assertThatThrownBy(() -> collector(endpoint(vaults("rsv-weu", "rsv-neu")).build()).poll())
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).contains("HTTP 401 InvalidAuthenticationToken");
                    assertThat(e.remedy()).contains("endpoints[az].azure.client-secret");
                });
        assertThat(azure.requestsTo(itemsPath("rg-dr", "rsv-neu"))).as("the first refusal ends the poll").isZero();
    }

    @Test
    void shouldReportAVaultLackingARoleAsAPartialReadNamingTheRole() throws Exception {
        azure.answer(itemsPath("rg-dr", "rsv-neu"), Answer.error(403, "AuthorizationFailed", "The client does not have "
                + "authorization to perform action 'Microsoft.RecoveryServices/vaults/replicationProtectedItems/read'"));

        Snapshot snapshot = collector(endpoint(vaults("rsv-weu", "rsv-neu")).build()).poll();

        assertThat(items(snapshot)).hasSize(5);
        assertThat(snapshot.unreadable()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("HTTP 403 AuthorizationFailed"));
    }

    @Test
    void shouldReportAListLongerThanMaxPagesAsAPartialRead() throws Exception {
        Snapshot snapshot = collector(endpoint(vaults("rsv-weu")).setting("max-pages", 1).build()).poll();

        assertThat(items(snapshot)).containsOnlyKeys("vm-app01", "sql01");
        assertThat(snapshot.unreadable()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("raise endpoints[az].azure.max-pages"));
    }

    @Test
    void shouldSkipAnItemWhoseOnPremisesSiteIsNotConfigured() throws Exception {
        EndpointConfig endpoint = endpoint(vaults("rsv-weu")).setting("sites", Map.of("vcsa-lyon", "lyon")).build();

        Snapshot snapshot = collector(endpoint).poll();

        assertThat(items(snapshot)).containsOnlyKeys("vm-app01", "web01");
        assertThat(snapshot.partialTypes()).contains(EventType.REPLICATION_STATUS);
        assertThat(snapshot.skipped()).anySatisfy(reason -> assertThat(reason).contains("hv-cluster-paris")
                .contains("add endpoints[az].azure.sites.hv-cluster-paris: <site>"));
    }

    @Test
    void shouldReadVmStatesOnlyEveryFewPollsAndRepeatTheLastInBetween() throws Exception {
        PollingSource source = collector(endpoint(vaults("rsv-weu")).setting("vm-state-every", 3).build());

        for (int i = 0; i < 4; i++) {
            assertThat(vms(source.poll())).as("poll %d", i).containsOnlyKeys("vm-app01", "sql01-asr");
        }

        assertThat(azure.requestsTo(VMS)).isEqualTo(2);
        assertThat(azure.requestsTo(APP01 + "/providers/Microsoft.ResourceHealth/availabilityStatuses/current")).isEqualTo(2);
        assertThat(azure.requestsTo(vaultPath("rg-dr", "rsv-weu"))).as("the region is read once").isEqualTo(1);
    }

    @Test
    void shouldReportUnreadableVmStatesAsAPartialReadOfVms() throws Exception {
        azure.answer(VMS, Answer.error(403, "AuthorizationFailed", "no Microsoft.Compute/virtualMachines/read"));

        Snapshot snapshot = collector(endpoint(vaults("rsv-weu")).build()).poll();

        assertThat(items(snapshot)).hasSize(5);
        assertThat(snapshot.partialTypes()).containsExactly(EventType.VM_STATE);
        assertThat(snapshot.unreadable(EventType.VM_STATE)).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("HTTP 403"));
    }

    @Test
    void shouldNotFollowANextLinkOffTheResourceManager() throws Exception {
        azure.answer(itemsPath("rg-dr", "rsv-neu"), json(page(List.of(),
                "https://attacker.invalid" + itemsPath("rg-dr", "rsv-neu") + "?$skiptoken=2")));

        Snapshot snapshot = collector(endpoint(vaults("rsv-weu", "rsv-neu")).build()).poll();

        assertThat(items(snapshot)).hasSize(5);
        assertThat(snapshot.unreadable()).singleElement().satisfies(p -> assertThat(p.reason())
                .contains("vault rg-dr/rsv-neu").contains("nextLink attacker.invalid is not below"));
    }

    @Test
    void shouldReportAnUntrustedCertificateAsPermanentTlsNamingTheCaFileKey() throws Exception {
        EndpointConfig endpoint = endpoint(vaults("rsv-neu")).setting("ca-file", null).build();

        assertThatThrownBy(() -> collector(endpoint).poll())
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.TLS);
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.remedy()).contains("endpoints[az].azure.ca-file");
                });
    }

    @Test
    void shouldReadWithoutCertificateChecksWhenToldTo() throws Exception {
        EndpointConfig endpoint = endpoint(vaults("rsv-neu")).setting("ca-file", null)
                .setting("insecure-skip-tls-verify", true).build();

        assertThat(items(collector(endpoint).poll())).hasSize(2);
    }
}
