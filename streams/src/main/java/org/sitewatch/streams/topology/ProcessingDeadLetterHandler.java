package org.sitewatch.streams.topology;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;
import org.sitewatch.events.Topics;
import org.sitewatch.streams.metrics.StreamCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' processing exception handler ({@code processing.exception.handler}): a record whose
 * processing throws (a bug in a fold, an alert rule or an aggregate) goes to {@link Topics#DLQ} and
 * the task goes on with the next record, instead of the whole client shutting down and every view
 * answering 503. The dead letter holds the record as it was read (raw key and value of the source
 * record, its timestamp and headers) plus the headers of {@link DeadLetterHandler} ({@code reason}: the
 * exception class, {@code message}, source topic, partition, offset) and {@value #PROCESSOR}, the
 * processor node that threw. Counted in {@code sitewatch_dlq_records_total{reason="PROCESSING"}}, which
 * the {@code SitewatchDeadLettersArriving} alert watches.
 *
 * <p>What the failing processor did before it threw (a store write, a forwarded record) stays: Kafka
 * Streams does not roll a record back when it goes on. Sitewatch's folds compute the new state first
 * and write it last, so a fold that throws has written nothing.
 *
 * <p>Failures of Kafka Streams itself ({@link StreamsException}: an unreadable store, a broken
 * transaction) are not about the record: FAIL, as when the DLQ cannot be written, and the uncaught
 * exception handler stops the client visibly.
 */
public final class ProcessingDeadLetterHandler implements ProcessingExceptionHandler {

    public static final String PROCESSOR = "sitewatch.dlq.processor";

    private static final Logger log = LoggerFactory.getLogger(ProcessingDeadLetterHandler.class);

    private DeadLetterSender sender;

    @Override
    public void configure(Map<String, ?> configs) {
        sender = new DeadLetterSender(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String origin = context.topic() + "-" + context.partition() + "@" + context.offset() + " in " + context.processorNodeId();
        if (exception instanceof StreamsException) {
            log.error("Kafka Streams failed while processing {}; not a record to dead-letter", origin, exception);
            return ProcessingHandlerResponse.FAIL;
        }
        if (!sender.send(deadLetter(context, exception), origin)) {
            return ProcessingHandlerResponse.FAIL;
        }
        StreamCounters.deadLettered(context.topic() == null ? StreamCounters.NO_TOPIC : context.topic(),
                StreamCounters.PROCESSING_REASON);
        log.error("dead-lettered {}: processing threw {}", origin, exception.toString(), exception);
        return ProcessingHandlerResponse.CONTINUE;
    }

    static ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, Exception exception) {
        ProducerRecord<byte[], byte[]> dead = DeadLetterHandler.deadLetter(context.headers(), context.topic(),
                context.partition(), context.offset(), context.timestamp(), context.sourceRawKey(), context.sourceRawValue(),
                exception.getClass().getName(), exception);
        dead.headers().add(PROCESSOR, String.valueOf(context.processorNodeId()).getBytes(StandardCharsets.UTF_8));
        return dead;
    }
}
