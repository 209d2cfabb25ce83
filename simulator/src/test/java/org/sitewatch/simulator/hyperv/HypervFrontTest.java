package org.sitewatch.simulator.hyperv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.simulator.ManualClock;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.SimulatedEndpoint;
import org.sitewatch.simulator.Simulator;

/**
 * The simulated WinRM listeners spoken to with hand-written WS-Management envelopes: the shell
 * round trip, the snapshot document against the engine's state as the scenario moves it (a
 * replication failing, a node going down and its role moving), Basic auth, the faults by path,
 * and the endpoint settings the launcher gets.
 *
 * <p>It lives in the collector's tests because the front is registered only here for now
 * ({@code src/test/resources/META-INF/services}): registering it in the simulator itself makes
 * {@code hyperv} a known platform there, which the simulator's {@code ScenarioLoadingTest} still
 * uses as its example of an unknown one.
 */
class HypervFrontTest {

    static final String SCENARIO = """
            name: hyperv-front-test
            clusters:
              - name: paris-hv
                platform: hyperv
                cluster: HVC-PARIS
                site: paris
                username: monitor
                password: "s3cret&<x>"
                domain: paris.example
                ha: { fenceDelay: 15s, recoveryDelay: 5s, crmRound: 2s }
                nodes:
                  - { name: hv-par-1 }
                  - { name: hv-par-2 }
                  - { name: rep-mad-1, site: madrid }
                vms:
                  - { vmid: 100, name: par-web, node: hv-par-2, ha: true }
                  - { vmid: 101, name: par-db, node: hv-par-1 }
                  - { vmid: 102, name: par-old, node: hv-par-1, status: stopped }
                replication:
                  - { guest: 101, target: rep-mad-1, syncEverySeconds: 30, syncDuration: 2s, retryUnitSeconds: 1 }
            timeline:
              - { at: 60s, cluster: paris-hv, action: replication-fail, job: 101-0, error: "disk write failed" }
              - { at: 100s, cluster: paris-hv, action: node-offline, node: hv-par-2 }
              - { at: 200s, cluster: paris-hv, action: api-fault, kind: malformed, path: /hv-par-1, duration: 10s }
              - { at: 220s, cluster: paris-hv, action: api-fault, kind: http500, path: /wsman, duration: 10s }
            """;
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManualClock clock = new ManualClock(T0);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Simulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private void start() throws Exception {
        simulator = Simulator.builder(Scenario.parse(SCENARIO)).clock(clock).tickInterval(null)
                .faultHold(Duration.ofMillis(200)).build().start();
    }

    private String listener(String node) {
        String base = simulator.baseUrl("paris-hv");
        return node == null ? base : base.replace("/wsman", "/" + node + "/wsman");
    }

    /** One POST with Basic auth; returns status and body. */
    private HttpResponse<String> post(String url, String envelope, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/soap+xml;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope));
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("monitor:" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String envelope(String action, String shellId, String body) {
        String selector = shellId == null ? "" : "<w:SelectorSet><w:Selector Name=\"ShellId\">" + shellId
                + "</w:Selector></w:SelectorSet>";
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
                + "xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns:rsp=\"" + SHELL + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"true\">" + action + "</a:Action><a:MessageID>uuid:" + UUID.randomUUID()
                + "</a:MessageID><w:ResourceURI>" + SHELL + "/cmd</w:ResourceURI>" + selector + "</s:Header><s:Body>"
                + body + "</s:Body></s:Envelope>";
    }

    private static String only(String regex, String text) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return m.group(1);
    }

    /** What a run of the script gave: stdout, stderr, exit code, and how many Receives it took. */
    record Run(String stdout, String stderr, int exitCode, int receives) {
    }

    /** Create, Command, Receive until Done, Signal, Delete: the client's sequence. */
    private Run run(String url) throws Exception {
        HttpResponse<String> created = post(url, envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Create", null,
                "<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams><rsp:OutputStreams>stdout stderr"
                        + "</rsp:OutputStreams></rsp:Shell>"), "s3cret&<x>");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String shellId = only("<rsp:ShellId>([^<]+)</rsp:ShellId>", created.body());
        HttpResponse<String> command = post(url, envelope(SHELL + "/Command", shellId,
                "<rsp:CommandLine><rsp:Command>powershell</rsp:Command><rsp:Arguments>-NoProfile -EncodedCommand "
                        + "VwByAGkAdABlAC0ATwB1AHQAcAB1AHQAIAAxAA==</rsp:Arguments></rsp:CommandLine>"), "s3cret&<x>");
        String commandId = only("<rsp:CommandId>([^<]+)</rsp:CommandId>", command.body());
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        List<byte[]> out = new ArrayList<>();
        int receives = 0;
        String exit = null;
        while (exit == null) {
            HttpResponse<String> received = post(url, envelope(SHELL + "/Receive", shellId,
                    "<rsp:Receive><rsp:DesiredStream CommandId=\"" + commandId + "\">stdout stderr</rsp:DesiredStream>"
                            + "</rsp:Receive>"), "s3cret&<x>");
            receives++;
            Matcher m = Pattern.compile("<rsp:Stream Name=\"(\\w+)\" CommandId=\"" + commandId
                    + "\"(?: End=\"true\")?>([^<]*)</rsp:Stream>").matcher(received.body());
            while (m.find()) {
                byte[] bytes = Base64.getDecoder().decode(m.group(2));
                if (m.group(1).equals("stdout")) {
                    out.add(bytes);
                } else {
                    stderr.append(new String(bytes, StandardCharsets.UTF_8));
                }
            }
            Matcher done = Pattern.compile("State=\"" + SHELL + "/CommandState/Done\"><rsp:ExitCode>(\\d+)</rsp:ExitCode>")
                    .matcher(received.body());
            exit = done.find() ? done.group(1) : null;
            assertThat(receives).isLessThan(100);
        }
        int length = out.stream().mapToInt(b -> b.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] b : out) {
            System.arraycopy(b, 0, all, at, b.length);
            at += b.length;
        }
        stdout.append(new String(all, StandardCharsets.UTF_8));
        assertThat(post(url, envelope(SHELL + "/Signal", shellId, "<rsp:Signal CommandId=\"" + commandId + "\">"
                + "<rsp:Code>" + SHELL + "/signal/terminate</rsp:Code></rsp:Signal>"), "s3cret&<x>").statusCode())
                .isEqualTo(200);
        assertThat(post(url, envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete", shellId, ""),
                "s3cret&<x>").statusCode()).isEqualTo(200);
        return new Run(stdout.toString(), stderr.toString(), Integer.parseInt(exit), receives);
    }

    private JsonNode snapshot(String node) throws Exception {
        Run run = run(listener(node));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }

    private static JsonNode byName(JsonNode list, String key, String name) {
        for (JsonNode item : list) {
            if (name.equals(item.path(key).asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + name + " in " + list);
    }

    private void at(long seconds) {
        clock.set(T0.plusSeconds(seconds));
        simulator.tick();
    }

    @Test
    void shouldRunTheShellRoundTripAndPrintEachHostsOwnVmsAndTheCluster() throws Exception {
        start();
        at(45);

        JsonNode par1 = snapshot("hv-par-1");
        JsonNode par2 = snapshot("hv-par-2");

        assertThat(par1.get("computerName").asText()).isEqualTo("HV-PAR-1");
        assertThat(par1.get("vms")).extracting(v -> v.get("Name").asText()).containsExactlyInAnyOrder("par-db", "par-old");
        assertThat(byName(par1.get("vms"), "Name", "par-old").get("State").asText()).isEqualTo("Off");
        assertThat(byName(par1.get("vms"), "Name", "par-db").get("ReplicationMode").asText()).isEqualTo("Primary");
        assertThat(par2.get("vms")).extracting(v -> v.get("Name").asText()).containsExactly("par-web");
        assertThat(par2.get("vms").get(0).get("IsClustered").asBoolean()).isTrue();
        JsonNode cluster = par1.get("clustering");
        assertThat(cluster.get("name").asText()).isEqualTo("HVC-PARIS");
        assertThat(cluster.get("nodes")).extracting(n -> n.get("Name").asText() + "=" + n.get("State").asText())
                .containsExactly("hv-par-1=Up", "hv-par-2=Up");
        assertThat(byName(cluster.get("groups"), "Name", "par-web").get("OwnerNode").asText()).isEqualTo("hv-par-2");
        assertThat(byName(cluster.get("groups"), "Name", "par-web").get("VmId").asText())
                .isEqualTo(byName(par2.get("vms"), "Name", "par-web").get("Id").asText());

        JsonNode replication = byName(par1.get("replications"), "VMName", "par-db");
        assertThat(replication.get("ReplicationState").asText()).isEqualTo("Replicating");
        assertThat(replication.get("ReplicationHealth").asText()).isEqualTo("Normal");
        assertThat(replication.get("ReplicaServerName").asText()).isEqualTo("rep-mad-1.paris.example");
        assertThat(replication.get("ReplicationFrequencySec").asLong()).isEqualTo(30);
        assertThat(Instant.parse(replication.get("LastReplicationTime").asText())).isAfter(T0);

        JsonNode replica = snapshot("rep-mad-1");
        assertThat(replica.get("clustering").get("status").asText()).isEqualTo("NotInstalled");
        assertThat(byName(replica.get("vms"), "Name", "par-db").get("ReplicationMode").asText()).isEqualTo("Replica");
        assertThat(byName(replica.get("replications"), "VMName", "par-db").get("PrimaryServerName").asText())
                .isEqualTo("hv-par-1.paris.example");
    }

    @Test
    void shouldFollowTheEngineWhenAReplicationFailsAndANodeGoesDown() throws Exception {
        start();
        at(95);
        JsonNode replication = byName(snapshot("hv-par-1").get("replications"), "VMName", "par-db");
        assertThat(replication.get("ReplicationState").asText()).isEqualTo("Error");
        assertThat(replication.get("ReplicationHealth").asText()).isEqualTo("Critical");
        assertThat(byName(snapshot("hv-par-1").get("replicationHealth"), "VMName", "par-db")
                .get("ReplicationHealthDetails").get(0).asText()).contains("disk write failed");

        at(150);
        JsonNode cluster = snapshot(null).get("clustering");
        assertThat(cluster.get("nodes")).extracting(n -> n.get("Name").asText() + "=" + n.get("State").asText())
                .containsExactly("hv-par-1=Up", "hv-par-2=Down");
        assertThat(byName(cluster.get("groups"), "Name", "par-web").get("OwnerNode").asText()).isEqualTo("hv-par-1");
        assertThat(snapshot("hv-par-1").get("vms")).extracting(v -> v.get("Name").asText()).contains("par-web");
        assertThatThrownBy(() -> post(listener("hv-par-2"), envelope(
                "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create", null, "<rsp:Shell/>"), "s3cret&<x>"))
                .as("a host that is down never answers").isInstanceOf(java.io.IOException.class);
    }

    @Test
    void shouldRefuseWrongCredentialsAndAnUnknownShell() throws Exception {
        start();
        String url = listener("hv-par-1");

        HttpResponse<String> wrong = post(url, envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Create", null,
                "<rsp:Shell/>"), "nope");
        HttpResponse<String> lost = post(url, envelope(SHELL + "/Receive", "NO-SUCH-SHELL", "<rsp:Receive/>"),
                "s3cret&<x>");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"WSMAN\"");
        assertThat(lost.statusCode()).isEqualTo(500);
        assertThat(lost.body()).contains("<s:Value>w:InvalidSelectors</s:Value>").contains("Code=\"2150858843\"");
    }

    @Test
    void shouldFailTheScriptOrTheListenersByPath() throws Exception {
        start();
        at(205);
        Run failed = run(listener("hv-par-1"));
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.stdout()).isEmpty();
        assertThat(failed.stderr()).startsWith("#< CLIXML").contains("<S S=\"Error\">Get-VM : ");
        assertThat(run(listener("rep-mad-1")).exitCode()).as("another host is not hit").isZero();

        at(225);
        assertThat(post(listener("rep-mad-1"), envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Create",
                null, "<rsp:Shell/>"), "s3cret&<x>").statusCode()).as("/wsman hits every host").isEqualTo(500);
    }

    @Test
    void shouldGiveTheCollectorTheLoginEachNodesListenerAndTheReplicaSites() throws Exception {
        start();
        SimulatedEndpoint endpoint = simulator.endpoints().get(0);

        Map<String, String> settings = endpoint.settings();
        assertThat(endpoint.url()).endsWith("/paris-hv/wsman");
        assertThat(settings).containsEntry("basic-login.username", "monitor")
                .containsEntry("basic-login.password", "s3cret&<x>").containsEntry("allow-unencrypted", "true")
                .containsEntry("node-urls[hv-par-1]", listener("hv-par-1"))
                .containsEntry("node-urls[hv-par-2]", listener("hv-par-2"))
                .containsEntry("sites[rep-mad-1.paris.example]", "madrid")
                .doesNotContainKey("node-urls[rep-mad-1]");
    }
}
