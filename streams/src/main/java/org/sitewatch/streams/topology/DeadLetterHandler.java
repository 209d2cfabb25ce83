package org.sitewatch.streams.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
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

    private Supplier<Producer<byte[], byte[]>> producer;
    private long sendTimeoutMs = Duration.ofSeconds(30).toMillis();

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        Object supplied = configs.get(PRODUCER_SUPPLIER_CONFIG);
        producer = supplied instanceof Supplier<?> ? (Supplier<Producer<byte[], byte[]>>) supplied : new DeadLetterProducer(configs);
        StreamCounters.registerDeadLetters();
        Object timeout = configs.get(SEND_TIMEOUT_MS_CONFIG);
        if (timeout != null) {
            sendTimeoutMs = Long.parseLong(timeout.toString());
        }
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        ProducerRecord<byte[], byte[]> dead = deadLetter(record, exception);
        try {
            producer.get().send(dead).get(sendTimeoutMs, TimeUnit.MILLISECONDS);
            StreamCounters.deadLettered(record.topic(), exception instanceof InvalidEventException invalid
                    ? invalid.reason().name() : StreamCounters.OTHER_REASON);
            log.warn("dead-lettered {}-{}@{}: {}: {}", record.topic(), record.partition(), record.offset(),
                    reason(exception), exception.getMessage());
            return DeserializationHandlerResponse.CONTINUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("interrupted while dead-lettering {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
            return DeserializationHandlerResponse.FAIL;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.error("cannot write {}-{}@{} to {}; stopping rather than losing it", record.topic(), record.partition(),
                    record.offset(), Topics.DLQ.name(), e);
            return DeserializationHandlerResponse.FAIL;
        }
    }

    static ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Headers headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h.key(), h.value());
        }
        headers.add(REASON, utf8(reason(exception)));
        headers.add(MESSAGE, utf8(truncate(String.valueOf(exception.getMessage()))));
        headers.add(TOPIC, utf8(record.topic()));
        headers.add(PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(OFFSET, utf8(Long.toString(record.offset())));
        Long timestamp = record.timestamp() >= 0 ? record.timestamp() : null;
        return new ProducerRecord<>(Topics.DLQ.name(), null, timestamp, record.key(), record.value(), headers);
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
