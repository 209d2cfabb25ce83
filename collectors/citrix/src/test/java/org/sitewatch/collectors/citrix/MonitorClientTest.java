package org.sitewatch.collectors.citrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Paging by @odata.nextLink followed verbatim, one query at a time per endpoint, and HTTP 429
 * waited out once within the bound, against a scripted transport (the wire itself is tested
 * against the simulator in {@link CitrixSimulatorTest}).
 */
class MonitorClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Answers by path from scripted answers (each path's in order), recording the paths asked and the overlap. */
    private static final class ScriptedTransport implements MonitorTransport {
        final Map<String, Deque<Object>> answers = new HashMap<>();
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        long answerMillis;

        ScriptedTransport answer(String path, Object... inOrder) {
            answers.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(inOrder));
            return this;
        }

        @Override
        public JsonNode get(String pathOrUrl) throws CollectorException {
            asked.add(pathOrUrl);
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(answerMillis);
                Deque<Object> queue = answers.get(pathOrUrl);
                Object next = queue.size() > 1 ? queue.poll() : queue.peek();
                if (next instanceof CollectorException e) {
                    throw e;
                }
                return JSON.readTree((String) next);
            } catch (InterruptedException | java.io.IOException e) {
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private final List<Duration> slept = new ArrayList<>();

    @Test
    void followsNextLinksVerbatimUntilThereIsNone() throws Exception {
        ScriptedTransport transport = new ScriptedTransport()
                .answer("Machines?$filter=LifecycleState%20eq%200", page(2, "https://api.example/monitorodata/Machines?$filter=LifecycleState%20eq%200&$skip=2"))
                .answer("https://api.example/monitorodata/Machines?$filter=LifecycleState%20eq%200&$skip=2",
                        page(2, "https://api.example/monitorodata/Machines?$skiptoken=opaque%2Btoken"))
                .answer("https://api.example/monitorodata/Machines?$skiptoken=opaque%2Btoken", page(1, null));
        List<JsonNode> all = client(transport).list("Machines?$filter=LifecycleState%20eq%200");
        assertThat(all).hasSize(5);
        assertThat(transport.asked).containsExactly("Machines?$filter=LifecycleState%20eq%200",
                "https://api.example/monitorodata/Machines?$filter=LifecycleState%20eq%200&$skip=2",
                "https://api.example/monitorodata/Machines?$skiptoken=opaque%2Btoken");
    }

    @Test
    void aLinkBackToAPageAlreadyReadFailsAsMalformed() {
        ScriptedTransport transport = new ScriptedTransport().answer("Machines", page(1, "https://a/Machines?p=2"))
                .answer("https://a/Machines?p=2", page(1, "https://a/Machines?p=2"));
        assertThatThrownBy(() -> client(transport).list("Machines")).isInstanceOfSatisfying(CollectorException.class,
                e -> assertThat(e.kind()).isEqualTo(CollectorErrorKind.MALFORMED));
    }

    @Test
    void runsOneQueryAtATimeEvenWhenTwoCallersListAtOnce() throws Exception {
        ScriptedTransport transport = new ScriptedTransport().answer("Machines", page(1, "https://a/Machines?p=2"))
                .answer("https://a/Machines?p=2", page(1, null));
        transport.answerMillis = 60;
        MonitorClient client = client(transport);
        List<CompletableFuture<List<JsonNode>>> callers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            callers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return client.list("Machines");
                } catch (CollectorException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<List<JsonNode>> c : callers) {
            assertThat(c.get()).hasSize(2);
        }
        assertThat(transport.asked).hasSize(6);
        assertThat(transport.mostInFlight).hasValue(1);
        // each caller's two pages follow one another: another caller's query never comes between them
        for (int i = 0; i < 6; i += 2) {
            assertThat(transport.asked.subList(i, i + 2)).containsExactly("Machines", "https://a/Machines?p=2");
        }
    }

    @Test
    void aThrottledQueryIsAskedAgainAfterItsRetryAfterWhenThatIsWithinTheBound() throws Exception {
        ScriptedTransport transport = new ScriptedTransport().answer("Machines",
                CollectorException.throttled("GET Machines answered HTTP 429", Duration.ofSeconds(2)), page(3, null));
        assertThat(client(transport).list("Machines")).hasSize(3);
        assertThat(slept).containsExactly(Duration.ofSeconds(2));
        assertThat(transport.asked).hasSize(2);
    }

    @Test
    void aSecondThrottlingALongRetryAfterOrNoneFailsThePollAsThrottled() {
        CollectorException throttled = CollectorException.throttled("GET Machines answered HTTP 429", Duration.ofSeconds(3));
        ScriptedTransport twice = new ScriptedTransport().answer("Machines", throttled, throttled, page(1, null));
        assertThatThrownBy(() -> client(twice).list("Machines")).isSameAs(throttled);
        assertThat(slept).containsExactly(Duration.ofSeconds(3));

        slept.clear();
        CollectorException longWait = CollectorException.throttled("429", Duration.ofSeconds(11));
        assertThatThrownBy(() -> client(new ScriptedTransport().answer("Machines", longWait)).list("Machines"))
                .isSameAs(longWait);
        CollectorException noWait = CollectorException.throttled("429", null);
        assertThatThrownBy(() -> client(new ScriptedTransport().answer("Machines", noWait)).list("Machines"))
                .isSameAs(noWait);
        assertThat(slept).isEmpty();
        assertThat(MonitorClient.throttled(longWait)).isTrue();
    }

    @Test
    void otherFailuresAreNotRetried() {
        CollectorException serverError = CollectorException.retriable(CollectorErrorKind.HTTP_5XX, "500", null);
        ScriptedTransport transport = new ScriptedTransport().answer("Machines", serverError, page(1, null));
        assertThatThrownBy(() -> client(transport).list("Machines")).isSameAs(serverError);
        assertThat(transport.asked).hasSize(1);
        assertThat(MonitorClient.throttled(CollectorException.permanent(CollectorErrorKind.HTTP_4XX, "400", "x", null)))
                .isFalse();
    }

    private MonitorClient client(MonitorTransport transport) {
        return new MonitorClient(transport, Duration.ofSeconds(10), 5, slept::add);
    }

    private static String page(int records, String nextLink) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < records; i++) {
            value.append(i == 0 ? "" : ",").append("{\"Id\":\"m").append(i).append("\"}");
        }
        return "{\"value\":[" + value + "]" + (nextLink == null ? "" : ",\"@odata.nextLink\":\"" + nextLink + "\"") + "}";
    }
}
