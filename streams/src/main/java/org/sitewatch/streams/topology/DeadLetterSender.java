package org.sitewatch.streams.topology;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.sitewatch.events.Topics;
import org.sitewatch.streams.metrics.StreamCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a dead letter and waits for the broker's ack, for both exception handlers. Its producer
 * comes from {@link DeadLetterHandler#PRODUCER_SUPPLIER_CONFIG} when that config holds a
 * {@code Supplier<Producer<byte[], byte[]>>}; otherwise it builds its own ({@link DeadLetterProducer}).
 * Creating it creates the dead-letter counters at 0.
 */
final class DeadLetterSender {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterSender.class);

    private final Supplier<Producer<byte[], byte[]>> producer;
    private final long sendTimeoutMs;

    @SuppressWarnings("unchecked")
    DeadLetterSender(Map<String, ?> configs) {
        Object supplied = configs.get(DeadLetterHandler.PRODUCER_SUPPLIER_CONFIG);
        producer = supplied instanceof Supplier<?> ? (Supplier<Producer<byte[], byte[]>>) supplied : new DeadLetterProducer(configs);
        Object timeout = configs.get(DeadLetterHandler.SEND_TIMEOUT_MS_CONFIG);
        sendTimeoutMs = timeout == null ? Duration.ofSeconds(30).toMillis() : Long.parseLong(timeout.toString());
        StreamCounters.registerDeadLetters();
    }

    /** Whether {@code dead} was acknowledged; {@code origin} (topic-partition@offset) names it in the log. */
    boolean send(ProducerRecord<byte[], byte[]> dead, String origin) {
        try {
            producer.get().send(dead).get(sendTimeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.error("interrupted while dead-lettering {}", origin, e);
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.error("cannot write {} to {}; stopping rather than losing it", origin, Topics.DLQ.name(), e);
            return false;
        }
    }
}
