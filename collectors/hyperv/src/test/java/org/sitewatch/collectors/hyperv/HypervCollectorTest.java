package org.sitewatch.collectors.hyperv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.hyperv.wsman.ScriptResult;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.PartialRead;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.EventType;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/**
 * The poll over a cluster's nodes with scripted listeners in place of WinRM (the client itself is
 * tested against a fake listener in {@code wsman}; the whole path against the simulator in
 * {@code HypervSimulatorTest}).
 */
class HypervCollectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI A1 = URI.create("https://hv-a1.corp.example:5986/wsman");
    private static final URI A3 = URI.create("https://hv-a3.corp.example:5986/wsman");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:10:30Z"), ZoneOffset.UTC);

    /** What each listener answers now; a missing one refuses the connection. */
    private final Map<URI, HypervCollector.Listener> answers = new ConcurrentHashMap<>();
    private final List<URI> asked = new ArrayList<>();
    private final List<HypervCollector> collectors = new ArrayList<>();

    @AfterEach
    void close() {
        collectors.forEach(HypervCollector::close);
    }

    private HypervCollector collector(String id, TestFailoverBoard board) {
        EndpointConfig endpoint = EndpointConfig.builder(id, "paris", Platform.HYPERV).build();
        HypervCollector c = new HypervCollector(endpoint, Fixtures.settings(Map.of("hv-b1", "madrid")), url -> {
            synchronized (asked) {
                asked.add(url);
            }
            return (script, deadline) -> {
                HypervCollector.Listener answer = answers.get(url);
                if (answer == null) {
                    throw CollectorException.retriable(CollectorErrorKind.CONNECT, "connection refused: " + url, null);
                }
                return answer.run(script, deadline);
            };
        }, board, CLOCK);
        collectors.add(c);
        return c;
    }

    private static HypervCollector.Listener prints(String json) {
        return (script, deadline) -> new ScriptResult(json, "", 0, 1);
    }

    /** HV-A3's own answer: the cluster fixture as seen from HV-A3, with one VM running there. */
    private static String nodeA3() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(Fixtures.json("cluster-node-ps7.json"));
        doc.put("computerName", "HV-A3");
        ArrayNode vms = doc.putArray("vms");
        vms.addObject().put("Name", "mail01").put("Id", "6f1c2a10-0000-4000-8000-0000000000a3")
                .put("ComputerName", "HV-A3").put("State", "Running").put("IsClustered", true)
                .put("ReplicationMode", "None");
        doc.putArray("replications");
        doc.putArray("replicationHealth");
        return JSON.writeValueAsString(doc);
    }

    private static <T> Map<String, T> states(Snapshot s, Class<T> type, java.util.function.Function<T, String> id) {
        return s.states().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toMap(id, x -> x));
    }

    @Test
    void shouldReadEveryUpOrPausedNodeOfTheClusterAndMarkADownNodeUnread() throws Exception {
        answers.put(A1, prints(Fixtures.json("cluster-node-ps7.json")));
        answers.put(A3, prints(nodeA3()));

        Snapshot s = collector("hv-paris", new TestFailoverBoard()).poll();

        Map<String, VmState> vms = states(s, VmState.class, VmState::vmId);
        assertThat(vms.get("6f1c2a10-0000-4000-8000-000000000001").host()).isEqualTo("HV-A1");
        assertThat(vms.get("6f1c2a10-0000-4000-8000-0000000000a3").host()).isEqualTo("HV-A3");
        assertThat(states(s, HaHost.class, HaHost::hostName)).hasSize(3);
        assertThat(states(s, HaHost.class, HaHost::hostName).get("HV-A2").state()).isEqualTo(HaHostState.FAILED);
        assertThat(s.unreadable(EventType.VM_STATE)).extracting(PartialRead::scope).containsExactly(Scope.node("HV-A2"));
        assertThat(s.unreadable(EventType.REPLICATION_STATUS)).extracting(PartialRead::reason).singleElement()
                .asString().contains("HV-A2 is Down in cluster HVC-PARIS");
        assertThat(asked).containsExactlyInAnyOrder(A1, A3);
    }

    @Test
    void shouldKeepTheOtherNodesWhenOneNodeFails() throws Exception {
        answers.put(A1, prints(Fixtures.json("cluster-node-ps7.json")));
        answers.put(A3, (script, deadline) -> {
            throw CollectorException.retriable(CollectorErrorKind.TIMEOUT, "hv-a3 did not answer within 5s", null);
        });

        Snapshot s = collector("hv-paris", new TestFailoverBoard()).poll();

        assertThat(states(s, VmState.class, VmState::vmId)).containsKey("6f1c2a10-0000-4000-8000-000000000001");
        assertThat(s.unreadable(EventType.VM_STATE)).extracting(PartialRead::scope)
                .containsExactlyInAnyOrder(Scope.node("HV-A2"), Scope.node("HV-A3"));
        assertThat(s.unreadable(EventType.VM_STATE)).extracting(PartialRead::reason)
                .anyMatch(r -> r.equals("node HV-A3 could not be read: hv-a3 did not answer within 5s"));
    }

    @Test
    void shouldStartFromTheNodesLastSeenWhenTheUrlsNodeIsDown() throws Exception {
        HypervCollector collector = collector("hv-paris", new TestFailoverBoard());
        answers.put(A1, prints(Fixtures.json("cluster-node-ps7.json")));
        answers.put(A3, prints(nodeA3()));
        collector.poll();
        answers.remove(A1);

        Snapshot s = collector.poll();

        assertThat(states(s, VmState.class, VmState::vmId)).containsOnlyKeys("6f1c2a10-0000-4000-8000-0000000000a3");
        assertThat(s.unreadable(EventType.VM_STATE)).extracting(PartialRead::reason)
                .anyMatch(r -> r.startsWith("node HV-A1 could not be read: connection refused"));
    }

    @Test
    void shouldFailThePollWithTheUrlsReasonWhenNoNodeAnswers() {
        answers.put(A1, (script, deadline) -> {
            throw CollectorException.permanent(CollectorErrorKind.AUTH, "WinRM refused the login (HTTP 401)",
                    "check login", null);
        });

        assertThatThrownBy(() -> collector("hv-paris", new TestFailoverBoard()).poll())
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
                    assertThat(e.permanent()).isTrue();
                });
    }

    @Test
    void shouldFailWithTheScriptsErrorTextWhenItExitsNonZero() {
        answers.put(A1, (script, deadline) -> new ScriptResult("", "#< CLIXML\r\n<Objs Version=\"1.1.0.1\" "
                + "xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"><S S=\"Error\">Get-VM : "
                + "Hyper-V was unable to find a virtual machine_x000D__x000A_</S></Objs>", 1, 1));

        assertThatThrownBy(() -> collector("hv-paris", new TestFailoverBoard()).poll())
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.MALFORMED);
                    assertThat(e.getMessage()).contains("exit code 1").contains("Get-VM : Hyper-V was unable");
                });
    }

    @Test
    void shouldGiveTheReplicaEndpointsTestFailoverToThePrimaryEndpoint() throws Exception {
        answers.put(A1, prints(Fixtures.json("cluster-node-ps7.json")));
        answers.put(A3, prints(nodeA3()));
        TestFailoverBoard board = new TestFailoverBoard();
        HypervCollector primary = collector("hv-paris", board);
        String db01 = "6f1c2a10-0000-4000-8000-000000000002";
        Instant alone = states(primary.poll(), ReplicationStatus.class, ReplicationStatus::itemId).get(db01)
                .lastTestFailover();

        EndpointConfig madrid = EndpointConfig.builder("hv-madrid", "madrid", Platform.HYPERV).build();
        HypervCollector replica = new HypervCollector(madrid, Fixtures.settings(Map.of()),
                url -> prints(Fixtures.json("standalone-ps7.json")), board, CLOCK);
        collectors.add(replica);
        replica.poll();
        Instant withReplica = states(primary.poll(), ReplicationStatus.class, ReplicationStatus::itemId).get(db01)
                .lastTestFailover();

        assertThat(alone).isEqualTo(Instant.parse("2024-12-12T10:40:00Z"));
        assertThat(withReplica).isEqualTo(Instant.parse("2024-12-31T20:15:00Z"));
    }
}
