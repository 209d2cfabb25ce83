package org.sitewatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

    @Test
    void shouldFailRatherThanLoseTheRecordWhenTheDlqCannotBeWritten() {
        MockProducer<byte[], byte[]> neverAcks = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        Supplier<Producer<byte[], byte[]>> supplier = () -> neverAcks;
        DeadLetterHandler handler = new DeadLetterHandler();
        handler.configure(Map.of(DeadLetterHandler.PRODUCER_SUPPLIER_CONFIG, supplier,
                DeadLetterHandler.SEND_TIMEOUT_MS_CONFIG, "10"));

        DeserializationHandlerResponse response = handler.handle((ErrorHandlerContext) null,
                new ConsumerRecord<>("sitewatch.vm", 0, 42L, new byte[] {1}, new byte[] {2}), new SerializationException("bad"));

        assertThat(response).isEqualTo(DeserializationHandlerResponse.FAIL);
    }

    @Test
    void shouldBuildAnIdempotentNonTransactionalProducerFromTheStreamsConfigs() {
        Map<String, Object> configs = DeadLetterProducer.producerConfigs(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, "sitewatch-streams",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092",
                "security.protocol", "SASL_SSL",
                StreamsConfig.NUM_STREAM_THREADS_CONFIG, 4,
                StreamsConfig.PRODUCER_PREFIX + ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "not-for-the-dlq"));

        assertThat(configs).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "sitewatch-streams-dlq")
                .doesNotContainKeys(ProducerConfig.TRANSACTIONAL_ID_CONFIG, StreamsConfig.NUM_STREAM_THREADS_CONFIG);
    }
}
