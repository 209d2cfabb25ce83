package org.sitewatch.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitewatch.testsupport.TestEvents.PARIS;
import static org.sitewatch.testsupport.TestEvents.T0;
import static org.sitewatch.testsupport.TestEvents.vm;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.events.PowerState;
import org.sitewatch.streams.support.TopologyFixture;
import org.sitewatch.streams.topology.StoreNames;
import org.sitewatch.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The real wiring, Kafka Streams built but not started (no broker): the topology bean runs in a
 * TopologyTestDriver, properties bind, and the views say 503 while Kafka Streams is not RUNNING.
 */
@SpringBootTest(classes = StreamsConfigurationTest.App.class, properties = {
        "sitewatch.kafka.bootstrap-servers=localhost:1",
        "sitewatch.streams.auto-startup=false",
        "sitewatch.streams.application-id=sitewatch-config-test",
        "sitewatch.views.metrics-refresh-interval=1h",
        "sitewatch.health.stale-after-intervals=4",
        "sitewatch.health.sites.paris-dc1.stale-after-intervals=10"})
@AutoConfigureMockMvc
class StreamsConfigurationTest {

    @TempDir
    static Path stateDir;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SitewatchStreamsConfiguration.class)
    static class App {
    }

    @DynamicPropertySource
    static void stateDir(DynamicPropertyRegistry registry) {
        registry.add("sitewatch.streams.state-dir", () -> stateDir.resolve("app").toString());
    }

    @Autowired
    Topology topology;

    @Autowired
    StreamsLifecycle lifecycle;

    @Autowired
    HealthRules rules;

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry registry;

    @Test
    void shouldBuildATopologyBeanThatRunsInTopologyTestDriver() {
        Properties props = TopologyFixture.properties(stateDir.resolve("driver"));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sitewatch-config-test");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, T0)) {
            TopologyFixture.pipe(driver, TestEvents.event(vm(PARIS, "100", PowerState.RUNNING), T0));

            KeyValueStore<String, EntityRecord<?>> vms = driver.getKeyValueStore(StoreNames.VM_STATE);
            assertThat(vms.get(PARIS + "/100")).isNotNull();
        }
    }

    @Test
    void shouldBindHealthRulesWithPerSiteOverrides() {
        assertThat(rules.defaults().staleAfterIntervals()).isEqualTo(4);
        assertThat(rules.forSite(PARIS).staleAfterIntervals()).isEqualTo(10);
        assertThat(rules.forSite("lyon-dc2").staleAfterIntervals()).isEqualTo(4);
    }

    @Test
    void shouldBindKafkaStreamsClientMetricsWhenCreated() {
        KafkaStreams created = lifecycle.create();

        assertThat(created.state()).isEqualTo(KafkaStreams.State.CREATED);
        assertThat(registry.getMeters()).anyMatch(m -> m.getId().getName().startsWith("kafka.stream"));
        // No web server in this test and no advertised port: a single instance, nothing advertised.
        assertThat(lifecycle.advertised()).isNull();
    }

    @Test
    void shouldAnswer503WhileKafkaStreamsIsNotStarted() throws Exception {
        assertThat(lifecycle.isRunning()).isFalse();

        mvc.perform(get("/api/sites"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.streamsState").value("CREATED"));
    }
}
