package org.sitewatch.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.SitePair;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.streams.topology.DeadLetterHandler;
import org.sitewatch.testsupport.TestEvents;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class PropertiesBindingTest {

    @Test
    void shouldBindStreamsSettingsFromEnvironmentVariables() {
        Map<String, Object> env = Map.of(
                "SITEWATCH_KAFKA_BOOTSTRAPSERVERS", "kafka-1:9092,kafka-2:9092",
                "SITEWATCH_STREAMS_APPLICATIONID", "sitewatch-prod",
                "SITEWATCH_STREAMS_STATEDIR", "/var/lib/sitewatch/streams",
                "SITEWATCH_STREAMS_NUMTHREADS", "4",
                "SITEWATCH_STREAMS_REPLICATIONFACTOR", "3",
                "SITEWATCH_STREAMS_COMMITINTERVAL", "500ms");
        Binder binder = new Binder(ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)));

        Properties props = StreamsConfigFactory.streamsProperties(
                binder.bindOrCreate("sitewatch.streams", StreamsProperties.class),
                StreamsConfigFactory.kafkaSettings(binder));

        assertThat(props).containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092,kafka-2:9092")
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "sitewatch-prod")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/sitewatch/streams")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 4)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 500L)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class)
                .containsEntry("internal.leave.group.on.close", true);
    }

    @Test
    void shouldUseTheDocumentedDefaults() {
        Binder binder = new Binder(new MapConfigurationPropertySource());

        StreamsProperties streams = binder.bindOrCreate("sitewatch.streams", StreamsProperties.class);

        assertThat(streams.applicationId()).isEqualTo("sitewatch-streams");
        assertThat(streams.replicationFactor()).isNull();
        assertThat(streams.dedupeRetention()).isEqualTo(Duration.ofHours(2));
        assertThat(binder.bindOrCreate("sitewatch.health", HealthProperties.class).toRules().defaults().staleAfterIntervals())
                .isEqualTo(3);
    }

    @Test
    void shouldRefuseAnInvalidHealthRule() {
        Binder binder = new Binder(new MapConfigurationPropertySource(
                Map.of("sitewatch.health.sites.paris-dc1.stale-after-intervals", "0")));

        assertThatThrownBy(() -> binder.bind("sitewatch.health", HealthProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("stale-after-intervals must be at least 1");
    }

    @Test
    void shouldBindReplicationThresholdsPerSitePairAndItem() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "sitewatch.health.rpo-grace-seconds", "30",
                "sitewatch.health.test-failover-max-age-days", "90",
                "sitewatch.health.sites.paris-dc1.default-target-rpo-seconds", "600",
                "sitewatch.health.pairs.paris-dc1.london-dr.target-rpo-seconds", "1800",
                "sitewatch.health.pairs.paris-dc1.london-dr.require-test-failover", "false",
                "sitewatch.health.items.paris-dc1.100-0.rpo-grace-seconds", "120")));

        HealthRules rules = binder.bind("sitewatch.health", HealthProperties.class).get().toRules();

        ReplicationStatus item = TestEvents.replicated("paris-dc1", "100-0", "paris-dc1", "london-dr",
                ReplicationState.REPLICATING, ReplicationHealth.OK, null, null, null);
        ReplicationStatus local = TestEvents.replicated("paris-dc1", "101-0", "paris-dc1", "paris-dc1",
                ReplicationState.REPLICATING, ReplicationHealth.OK, null, null, null);
        assertThat(rules.forItem(item).targetRpoSecondsOverride()).isEqualTo(1800);
        assertThat(rules.forItem(item).rpoGraceSeconds()).isEqualTo(120);
        assertThat(rules.forItem(item).testFailoverMaxAgeDays()).isEqualTo(90);
        assertThat(rules.forPair(new SitePair("paris-dc1", "london-dr")).requireTestFailover()).isFalse();
        assertThat(rules.forItem(local).defaultTargetRpoSeconds()).isEqualTo(600);
        assertThat(rules.forItem(local).rpoGraceSeconds()).isEqualTo(30);
        assertThat(rules.forItem(local).targetRpoSecondsOverride()).isNull();
    }

    @Test
    void shouldRefuseANegativeGraceForAPair() {
        Binder binder = new Binder(new MapConfigurationPropertySource(
                Map.of("sitewatch.health.pairs.paris-dc1.london-dr.rpo-grace-seconds", "-1")));

        assertThatThrownBy(() -> binder.bind("sitewatch.health", HealthProperties.class))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("rpo-grace-seconds must not be negative");
    }

    @Test
    void shouldNotCreateTheStreamsAppWhenDisabled() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .withUserConfiguration(SitewatchStreamsConfiguration.class)
                .withPropertyValues("sitewatch.streams.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StreamsLifecycle.class));
    }
}
