package org.sitewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.sitewatch.events.CloudEventSerde;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.InvalidEventException;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.testsupport.TestEvents;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.JsonMutant;
import org.sitewatch.testsupport.fuzz.JsonMutations;
import org.sitewatch.testsupport.fuzz.OddValues;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fault suite 7, the CloudEvents deserializer as Kafka Streams uses it: whatever a record holds
 * (mutated event data, odd or missing {@code ce_*} headers, bytes that are no JSON at all), the
 * deserializer returns an event or throws {@link InvalidEventException}, and {@link DeadLetterHandler}
 * turns that into a dead letter whose reason header is one of the contract's reason codes, never an
 * exception class name. Each try runs under {@link FuzzGuard#PER_TRY}.
 */
class CloudEventDeserializerFuzzTest {

    private static final String TOPIC = "sitewatch.vm";
    private static final List<String> CE_HEADERS = List.of("ce_specversion", "ce_id", "ce_source", "ce_type",
            "ce_subject", "ce_time", "content-type", "ce_datacontenttype");
    private static final List<String> REASONS = java.util.Arrays.stream(InvalidEventException.Reason.values())
            .map(Enum::name).toList();

    private final Deserializer<SitewatchEvent> deserializer = new CloudEventSerde().deserializer();
    private final MockProducer<byte[], byte[]> dlq = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final DeadLetterHandler handler = handlerWriting(dlq);

    /** A header change: drop, odd text, invalid UTF-8, null value, or a second copy with odd text. */
    record HeaderEdit(int header, int op, String text) {
    }

    /** One record: the serialised seed's headers and value after the edits. */
    record FuzzRecord(Headers headers, byte[] value, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    @Property(tries = 10_000)
    void everyRecordIsAnEventOrADeadLetterWithAReason(@ForAll("records") FuzzRecord record) {
        Throwable thrown = FuzzGuard.expectResultOr(record,
                () -> deserializer.deserialize(TOPIC, record.headers(), record.value()), InvalidEventException.class);
        if (thrown == null) {
            return;
        }
        dlq.clear();
        DeserializationHandlerResponse response = handler.handle((ErrorHandlerContext) null,
                new ConsumerRecord<>(TOPIC, 0, 7L, null, record.value()), (Exception) thrown);
        assertThat(response).isEqualTo(DeserializationHandlerResponse.CONTINUE);
        ProducerRecord<byte[], byte[]> letter = dlq.history().get(0);
        assertThat(new String(letter.headers().lastHeader(DeadLetterHandler.REASON).value(), StandardCharsets.UTF_8))
                .isIn(REASONS);
    }

    @Provide
    Arbitrary<FuzzRecord> records() {
        Arbitrary<HeaderEdit> edit = Combinators.combine(Arbitraries.integers().between(0, CE_HEADERS.size() - 1),
                Arbitraries.integers().between(0, 4), OddValues.strings()).as(HeaderEdit::new);
        // 0: the seed's value as it is, 1-8: its JSON mutated, 9: random bytes instead
        return Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1), Arbitraries.integers().between(0, 9),
                JsonMutations.mutations(), Arbitraries.bytes().array(byte[].class).ofMaxSize(64), edit.list().ofMaxSize(3))
                .as((seed, kind, mutations, noise, edits) -> {
                    Seed s = SEEDS.get(seed);
                    byte[] value = kind == 0 ? s.value() : kind == 9 ? noise
                            : bytesOf(JsonMutations.apply(List.of(s.data()), mutations), s.value());
                    return record(s.headers(), value, edits);
                });
    }

    /** A valid event as the serde writes it: headers, value and the value's tree. */
    private record Seed(Headers headers, byte[] value, JsonNode data) {
        static Seed of(SitewatchEvent event) {
            Headers headers = new RecordHeaders();
            byte[] value = new CloudEventSerde().serializer().serialize(TOPIC, headers, event);
            return new Seed(headers, value, JsonMutations.read(new String(value, StandardCharsets.UTF_8)));
        }
    }

    private static byte[] bytesOf(JsonMutant mutant, byte[] seed) {
        String text = mutant.texts().get(0);
        return !mutant.changed().get(0) ? seed : text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static FuzzRecord record(Headers seedHeaders, byte[] value, List<HeaderEdit> edits) {
        List<Header> list = new ArrayList<>();
        seedHeaders.forEach(list::add);
        Headers headers = new RecordHeaders(list.toArray(new Header[0]));
        for (HeaderEdit e : edits) {
            String key = CE_HEADERS.get(e.header());
            byte[] text = e.text().getBytes(StandardCharsets.UTF_8);
            switch (e.op()) {
                case 0 -> headers.remove(key);
                case 1 -> headers.remove(key).add(key, text);
                case 2 -> headers.remove(key).add(key, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
                case 3 -> headers.remove(key).add(key, null);
                default -> headers.add(key, text);
            }
        }
        StringBuilder d = new StringBuilder("headers:");
        headers.forEach(h -> d.append("\n  ").append(h.key()).append('=')
                .append(h.value() == null ? "null" : new String(h.value(), StandardCharsets.UTF_8)));
        d.append("\nvalue: ").append(value == null ? "null" : new String(value, StandardCharsets.UTF_8));
        return new FuzzRecord(headers, value, d.toString());
    }

    private static final List<Seed> SEEDS = seedEvents().stream().map(Seed::of).toList();

    private static List<SitewatchEvent> seedEvents() {
        String site = TestEvents.PARIS;
        return List.of(
                TestEvents.event(TestEvents.vm(site, "100", PowerState.RUNNING), TestEvents.T0),
                TestEvents.event(TestEvents.host(site, "pve2", "paris", HaHostState.FAILED), TestEvents.T0),
                TestEvents.event(TestEvents.cluster(site, 1, true), TestEvents.T0),
                TestEvents.event(TestEvents.action(site, "a-1", "100", HaActionKind.FENCE, "pve1", "pve2"), TestEvents.T0),
                TestEvents.event(TestEvents.failed(site, "100-0", TestEvents.LYON, 300, TestEvents.T0), TestEvents.T0),
                TestEvents.event(TestEvents.replicated(site, "100-1", site, TestEvents.LYON, ReplicationState.REPLICATING,
                        ReplicationHealth.OK, 900L, TestEvents.T0, null), TestEvents.T0),
                TestEvents.event(TestEvents.heartbeat(site, CollectorStatus.ERROR, CollectorErrorKind.HTTP_5XX, "500"),
                        TestEvents.T0));
    }

    private static DeadLetterHandler handlerWriting(MockProducer<byte[], byte[]> producer) {
        Supplier<Producer<byte[], byte[]>> supplier = () -> producer;
        DeadLetterHandler h = new DeadLetterHandler();
        h.configure(Map.of(DeadLetterHandler.PRODUCER_SUPPLIER_CONFIG, supplier));
        return h;
    }
}
