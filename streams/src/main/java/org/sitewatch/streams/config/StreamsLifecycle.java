package org.sitewatch.streams.config;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Starts Kafka Streams with the Spring context and closes it cleanly on shutdown (bounded by the
 * close timeout), also when it was never started. Topics must exist before start: the launcher
 * creates them with the events module's {@code TopicProvisioner}; a missing source topic makes
 * Kafka Streams stop with an error, which the views then report (503).
 */
public final class StreamsLifecycle implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StreamsLifecycle.class);

    private final KafkaStreams streams;
    private final boolean autoStartup;
    private final Duration closeTimeout;
    private volatile boolean running;
    private boolean closed;

    public StreamsLifecycle(KafkaStreams streams, boolean autoStartup, Duration closeTimeout) {
        this.streams = streams;
        this.autoStartup = autoStartup;
        this.closeTimeout = closeTimeout;
    }

    @Override
    public void start() {
        streams.start();
        running = true;
    }

    @Override
    public void stop() {
        close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public void destroy() {
        close();
    }

    private synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!streams.close(closeTimeout)) {
            log.warn("Kafka Streams did not close within {}; exiting anyway", closeTimeout);
        }
    }
}
