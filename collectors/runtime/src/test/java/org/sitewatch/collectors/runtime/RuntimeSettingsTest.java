package org.sitewatch.collectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.config.CollectorsProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code sitewatch.collectors.runtime.*} binds onto the runtime's settings; bad values name the key. */
class RuntimeSettingsTest {

    @Test
    void shouldBindPushHeartbeatQueueAndOutboxSettings() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "sitewatch.collectors.runtime.push-heartbeat-interval", "30s",
                "sitewatch.collectors.runtime.callback-queue-capacity", "500",
                "sitewatch.collectors.runtime.outbox-capacity", "25",
                "sitewatch.collectors.runtime.shutdown-timeout", "5s")));

        RuntimeSettings settings = binder.bindOrCreate("sitewatch.collectors", CollectorsProperties.class)
                .runtime().toSettings();

        assertThat(settings.pushHeartbeatEvery(Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.callbackQueueCapacity()).isEqualTo(500);
        assertThat(settings.outboxCapacity()).isEqualTo(25);
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldDefaultThePushHeartbeatToThePollInterval() {
        RuntimeSettings defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("sitewatch.collectors", CollectorsProperties.class).runtime().toSettings();

        assertThat(defaults).isEqualTo(RuntimeSettings.DEFAULT);
        assertThat(defaults.pushHeartbeatEvery(Duration.ofSeconds(15))).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.shutdownTimeout()).as("within Docker's 10 s stop grace").isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void shouldRefuseABadValueNamingTheKey() {
        assertThatThrownBy(() -> RuntimeSettings.DEFAULT.withOutboxCapacity(0))
                .hasMessage("outbox-capacity must be at least 1 but was 0");
        assertThatThrownBy(() -> RuntimeSettings.DEFAULT.withPushHeartbeatInterval(Duration.ZERO))
                .hasMessageContaining("push-heartbeat-interval must be positive");
        assertThatThrownBy(() -> RuntimeSettings.DEFAULT.withShutdownTimeout(Duration.ofMillis(500)))
                .hasMessage("shutdown-timeout must be at least 1s but was PT0.5S");
    }
}
