package org.sitewatch.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sitewatch.alerting.dispatch.DispatcherLifecycle;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration's switches, without Kafka (nothing here reaches a broker). */
class AlertingAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AlertingAutoConfiguration.class));

    @Test
    void shouldStayOffWhenDisabled() {
        runner.withPropertyValues("sitewatch.alerting.enabled=false").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).doesNotHaveBean(ActiveAlerts.class);
            assertThat(ctx).doesNotHaveBean(DispatcherLifecycle.class);
        });
    }

    @Test
    void shouldSayWhichPropertyIsMissingWithoutKafka() {
        runner.run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause()
                    .hasMessageContaining("sitewatch.kafka.bootstrap-servers is not set")
                    .hasMessageContaining("sitewatch.alerting.enabled=false");
        });
    }

    @Test
    void shouldBeRegisteredAsAnAutoConfiguration() throws Exception {
        try (var in = getClass().getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(new String(in.readAllBytes())).contains(AlertingAutoConfiguration.class.getName());
        }
    }
}
