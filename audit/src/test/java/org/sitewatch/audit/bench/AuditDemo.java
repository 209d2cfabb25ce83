package org.sitewatch.audit.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.sitewatch.broker.EmbeddedKafkaBroker;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.KafkaEventSink;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.Topics;
import org.sitewatch.simulator.Scenario;
import org.sitewatch.simulator.proxmox.ProxmoxSimulator;

/**
 * Not a test: a broker, the Proxmox simulator playing the built-in scenario and the real collectors
 * publishing to Kafka in real time, without the streams app, for trying the audit commands by hand
 * (the session in {@code docs/audit.md} was recorded against it). Runs until killed.
 * {@code java -cp ... org.sitewatch.audit.bench.AuditDemo [kafka port]}.
 */
public final class AuditDemo {

    private AuditDemo() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Path dir = Files.createTempDirectory("sitewatch-audit-demo-");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dir).port(port).start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1, Duration.ofSeconds(30)).ensure(Topics.ALL);
        }
        ProxmoxSimulator simulator = ProxmoxSimulator.builder(Scenario.loadResource("/scenarios/default.yaml"))
                .clock(Clock.systemUTC()).port(0).build().start();
        List<EndpointConfig> endpoints = new ArrayList<>();
        for (String site : simulator.sites()) {
            endpoints.add(EndpointConfig.builder(site + "-pve", site, Platform.PROXMOX)
                    .setting("url", simulator.baseUrl(site))
                    .setting("api-token", simulator.apiToken(site)).pollInterval(Duration.ofSeconds(5)).build());
        }
        KafkaEventSink sink = KafkaEventSink.create(broker.bootstrapServers(), Map.of(), new SimpleMeterRegistry());
        CollectorManager collectors = new CollectorManager(endpoints, CollectorRegistry.discover(), sink,
                new SimpleMeterRegistry(), Clock.systemUTC(), RetryPolicy.DEFAULT);
        collectors.start();
        System.out.println("audit demo: kafka " + broker.bootstrapServers() + ", sites " + simulator.sites());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            collectors.stop();
            sink.close();
            simulator.close();
            broker.close();
        }));
        new CountDownLatch(1).await();
    }
}
