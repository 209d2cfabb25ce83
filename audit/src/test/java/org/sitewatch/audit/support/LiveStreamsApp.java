package org.sitewatch.audit.support;

import java.nio.file.Path;
import java.util.Map;
import org.sitewatch.streams.config.SitewatchStreamsConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The live streams app for tests: the streams module's own configuration (topology, Kafka Streams,
 * REST views) on a real broker, plus whatever auto-configurations are on the classpath (the audit
 * API among them), on a random port.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SitewatchStreamsConfiguration.class)
public class LiveStreamsApp {

    public static final String APPLICATION_ID = "sitewatch-audit-it";

    public static ConfigurableApplicationContext start(String bootstrapServers, Path stateDir) {
        return new SpringApplicationBuilder(LiveStreamsApp.class)
                .properties(Map.of(
                        "sitewatch.kafka.bootstrap-servers", bootstrapServers,
                        "sitewatch.streams.application-id", APPLICATION_ID,
                        "sitewatch.streams.state-dir", stateDir.toString(),
                        "sitewatch.streams.commit-interval", "100ms",
                        "sitewatch.streams.punctuate-interval", "1s",
                        "sitewatch.views.metrics-refresh-interval", "1h",
                        "sitewatch.collectors.enabled", "false",
                        "spring.main.banner-mode", "off",
                        "server.port", "0"))
                .run();
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
