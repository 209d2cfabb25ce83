package org.sitewatch.audit.support;

import java.nio.file.Path;
import java.util.Map;
import org.sitewatch.streams.config.SitewatchStreamsConfiguration;
import org.sitewatch.testsupport.RunningApp;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The live streams app for tests: the streams module's own configuration (topology, Kafka Streams,
 * REST views) on a real broker, plus whatever auto-configurations are on the classpath (the audit
 * API among them), on a free port, without collectors.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SitewatchStreamsConfiguration.class)
public class LiveStreamsApp {

    public static final String APPLICATION_ID = "sitewatch-audit-it";

    public static RunningApp start(String bootstrapServers, Path stateDir) {
        return start(bootstrapServers, stateDir, Map.of());
    }

    /** With {@code properties} on top (audit limits, for instance). */
    public static RunningApp start(String bootstrapServers, Path stateDir, Map<String, String> properties) {
        Map<String, String> all = new java.util.HashMap<>(properties);
        all.putIfAbsent("sitewatch.collectors.enabled", "false");
        return RunningApp.startStreams(LiveStreamsApp.class, bootstrapServers, APPLICATION_ID, stateDir, all);
    }
}
