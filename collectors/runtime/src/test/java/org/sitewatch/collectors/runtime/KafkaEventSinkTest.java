package org.sitewatch.collectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.CloudEventSerde;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;
import org.sitewatch.events.VmState;

class KafkaEventSinkTest {

    private static final URI SOURCE = URI.create("/sitewatch/collectors/proxmox/paris-pve");
    private static final Instant TIME = Instant.parse("2025-01-07T10:00:10Z");

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final KafkaEventSink sink = new KafkaEventSink(producer, new SimpleMeterRegistry());

    private static SitewatchEvent vmEvent() {
        return SitewatchEvent.observed(SOURCE, TIME, new VmState("paris-dc1", Platform.PROXMOX, "100", "db-1", "pve1",
                "paris", PowerState.RUNNING, "running", true, "started", false));
    }

    @Test
    void shouldSendToTheTypesTopicKeyedBySiteAndEntityAtEventTime() {
        SitewatchEvent event = vmEvent();

        sink.publish(event);

        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo(Topics.VM.name());
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("paris-dc1/100");
        assertThat(record.timestamp()).isEqualTo(TIME.toEpochMilli());
        assertThat(record.headers().lastHeader("ce_id").value()).asString(StandardCharsets.UTF_8).isEqualTo(event.id());
        assertThat(record.headers().lastHeader("ce_type").value()).asString(StandardCharsets.UTF_8)
                .isEqualTo("org.sitewatch.vm.state.v1");
    }

    @Test
    void shouldWriteValuesTheEventSerdeReadsBack() {
        SitewatchEvent event = vmEvent();

        sink.publish(event);

        ProducerRecord<byte[], byte[]> record = producer.history().get(0);
        SitewatchEvent read = new CloudEventSerde().deserializer().deserialize(record.topic(), record.headers(), record.value());
        assertThat(read).isEqualTo(event);
    }

    @Test
    void shouldRouteEachTypeToItsTopic() {
        sink.publish(SitewatchEvent.observed(SOURCE, TIME, new HaHost("paris-dc1", Platform.PROXMOX, "pve1", "pve1",
                "paris", HaHostState.HEALTHY, "online", null, false)));
        sink.publish(SitewatchEvent.observed(SOURCE, TIME, new CollectorHeartbeat("paris-dc1", Platform.PROXMOX,
                "paris-pve", "https://pve1:8006/api2/json", CollectorStatus.OK, null, null, 12L, TIME, 15, null)));

        assertThat(producer.history()).extracting(ProducerRecord::topic)
                .containsExactly(Topics.HA.name(), Topics.COLLECTOR.name());
    }

    @Test
    void shouldCompleteWhenAcknowledgedAndFailWhenTheSendFinallyFails() {
        CompletableFuture<Void> ok = sink.publish(vmEvent());
        CompletableFuture<Void> failed = sink.publish(vmEvent());

        producer.completeNext();
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("delivery timed out"));

        assertThat(ok).isCompleted();
        assertThat(failed).isCompletedExceptionally();
    }

    @Test
    void shouldFailTheFutureInsteadOfThrowingWhenTheProducerIsClosed() {
        sink.close();

        assertThat(sink.publish(vmEvent())).isCompletedExceptionally();
        sink.close();
    }

    @Test
    void shouldAlwaysUseAnIdempotentProducerWaitingForAllReplicas() {
        Map<String, Object> config = KafkaEventSink.producerConfig("127.0.0.1:9092",
                Map.of(ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false",
                        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
    }
}
