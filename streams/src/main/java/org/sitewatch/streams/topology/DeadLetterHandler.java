package org.sitewatch.streams.topology;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.sitewatch.events.InvalidEventException;
import org.sitewatch.events.Topics;
import org.sitewatch.streams.metrics.StreamCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that cannot be deserialized or fails the event contract to {@link Topics#DLQ},
 * unchanged (key, value, timestamp, original headers) plus reason headers, and lets the topology go
 * on with the next record. Kafka 4.1 has no built-in dead-letter queue, hence this handler.
 *
 * <p>Headers added: {@value #REASON} (the {@link InvalidEventException.Reason} code, or the exception
 * class), {@value #MESSAGE}, {@value #TOPIC}, {@value #PARTITION}, {@value #OFFSET}.
 *
 * <p>Delivery to the DLQ is at-least-once (see {@link DeadLetterProducer}). If the DLQ cannot be
 * written, the handler answers FAIL: the stream thread stops rather than lose the record.
 *
 * <p>Its producer comes from {@value #PRODUCER_SUPPLIER_CONFIG} when that config holds a
 * {@code Supplier<Producer<byte[], byte[]>>} (the shared production producer, or a MockProducer in
 * TopologyTestDriver tests); otherwise it builds its own from the configs it is given, lazily. Kafka
 * Streams makes one handler per task and never closes it, so such own producers are never closed:
 * production wiring always passes the shared one.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    public static final String PRODUCER_SUPPLIER_CONFIG = "sitewatch.dlq.producer-supplier";
    public static final String SEND_TIMEOUT_MS_CONFIG = "sitewatch.dlq.send-timeout-ms";

    public static final String REASON = "sitewatch.dlq.reason";
    public static final String MESSAGE = "sitewatch.dlq.message";
    public static final String TOPIC = "sitewatch.dlq.topic";
    public static final String PARTITION = "sitewatch.dlq.partition";
    public static final String OFFSET = "sitewatch.dlq.offset";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);
    private static final int MAX_MESSAGE_CHARS = 2000;

    private DeadLetterSender sender;

    @Override
    public void configure(Map<String, ?> configs) {
        sender = new DeadLetterSender(configs);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (!sender.send(deadLetter(record, exception), origin)) {
            return DeserializationHandlerResponse.FAIL;
        }
        StreamCounters.deadLettered(record.topic(), exception instanceof InvalidEventException invalid
                ? invalid.reason().name() : StreamCounters.OTHER_REASON);
        log.warn("dead-lettered {}: {}: {}", origin, reason(exception), exception.getMessage());
        return DeserializationHandlerResponse.CONTINUE;
    }

    static ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return deadLetter(record.headers(), record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), reason(exception), exception);
    }

    /**
     * The dead letter of a record read from {@code topic}: its key, value, timestamp (when known) and
     * original headers, plus the reason headers. {@code topic} is null and partition and offset -1 when
     * the failure had no input record (a punctuation).
     */
    static ProducerRecord<byte[], byte[]> deadLetter(Headers original, String topic, int partition, long offset, long timestamp,
                                                     byte[] key, byte[] value, String reason, Exception exception) {
        Headers headers = new RecordHeaders();
        if (original != null) {
            for (Header h : original) {
                headers.add(h.key(), h.value());
            }
        }
        headers.add(REASON, utf8(reason));
        headers.add(MESSAGE, utf8(truncate(String.valueOf(exception.getMessage()))));
        headers.add(TOPIC, utf8(String.valueOf(topic)));
        headers.add(PARTITION, utf8(Integer.toString(partition)));
        headers.add(OFFSET, utf8(Long.toString(offset)));
        Long time = timestamp >= 0 ? timestamp : null;
        return new ProducerRecord<>(Topics.DLQ.name(), null, time, key, value, headers);
    }

    static String reason(Exception exception) {
        return exception instanceof InvalidEventException invalid ? invalid.reason().name() : exception.getClass().getName();
    }

    private static String truncate(String s) {
        return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
