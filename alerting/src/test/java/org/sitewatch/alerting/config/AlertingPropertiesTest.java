package org.sitewatch.alerting.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.MaintenanceWindow;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Binding and validation of {@code sitewatch.alerting.*}: defaults, and readable start-up failures. */
class AlertingPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AlertingProperties.class)
    static class PropertiesOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void shouldBindDefaults() {
        runner.run(ctx -> {
            AlertingProperties p = ctx.getBean(AlertingProperties.class);
            assertThat(p.enabled()).isTrue();
            assertThat(p.groupId()).isEqualTo("sitewatch-alert-dispatcher");
            assertThat(p.alertmanager().urls()).isEmpty();
            assertThat(p.alertmanager().resendInterval()).isEqualTo(Duration.ofMinutes(1));
            assertThat(p.alertmanager().resolvedResendFor()).isEqualTo(Duration.ofMinutes(15));
            assertThat(p.resolvedRetention()).isEqualTo(Duration.ofHours(1));
            assertThat(p.retry().toBackoff().maxAttempts()).isEqualTo(5);
            assertThat(p.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(30));
            assertThat(p.webhooks()).isEmpty();
            assertThat(p.maintenance()).isEmpty();
        });
    }

    @Test
    void shouldBindAFullConfiguration() {
        runner.withPropertyValues(
                "sitewatch.alerting.alertmanager.urls=http://am1:9093,http://am2:9093",
                "sitewatch.alerting.alertmanager.resend-interval=30s",
                "sitewatch.alerting.external-url=https://sitewatch.example.org",
                "sitewatch.alerting.webhooks[0].url=https://hooks.example.org/sitewatch",
                "sitewatch.alerting.webhooks[0].secret=0123456789abcdef0123",
                "sitewatch.alerting.webhooks[1].name=chat",
                "sitewatch.alerting.webhooks[1].url=http://chat:8080/in",
                "sitewatch.alerting.webhooks[1].secret=0123456789abcdef0123",
                "sitewatch.alerting.maintenance[0].site=paris",
                "sitewatch.alerting.maintenance[0].ends-at=2026-12-01T06:00:00Z",
                "sitewatch.alerting.maintenance[0].reason=UPS replacement",
                "sitewatch.alerting.maintenance[1].id=pve1-swap",
                "sitewatch.alerting.maintenance[1].host=pve1",
                "sitewatch.alerting.maintenance[1].starts-at=2026-12-01T00:00:00Z",
                "sitewatch.alerting.maintenance[1].ends-at=2026-12-01T02:00:00Z").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            AlertingProperties p = ctx.getBean(AlertingProperties.class);
            assertThat(p.alertmanager().urls()).containsExactly(URI.create("http://am1:9093"), URI.create("http://am2:9093"));
            assertThat(AlertingAutoConfiguration.targets(p)).extracting(t -> t.name())
                    .containsExactly("alertmanager", "webhook-0", "chat");
            assertThat(p.maintenanceWindows()).extracting(MaintenanceWindow::id).containsExactly("config-0", "pve1-swap");
            assertThat(p.maintenanceWindows().get(0).startsAt()).isEqualTo(Instant.EPOCH);
            assertThat(p.maintenanceWindows().get(0).createdBy()).isEqualTo("config");
            assertThat(p.webhooks().get(0).toString()).doesNotContain("0123456789abcdef");
        });
    }

    @Test
    void shouldRefuseAWebhookWithoutSecret() {
        assertFailure("secret", "sitewatch.alerting.webhooks[0].url=https://hooks.example.org/x");
    }

    @Test
    void shouldRefuseAShortSecret() {
        assertFailure("at least 16 characters", "sitewatch.alerting.webhooks[0].url=https://hooks.example.org/x",
                "sitewatch.alerting.webhooks[0].secret=short");
    }

    @Test
    void shouldRefuseANonHttpAlertmanagerUrl() {
        assertFailure("is not an absolute http(s) URL", "sitewatch.alerting.alertmanager.urls=am1:9093");
    }

    @Test
    void shouldRefuseAMaintenanceWindowWithoutMatcher() {
        assertFailure("needs at least one of site, cluster, host, item, vm",
                "sitewatch.alerting.maintenance[0].ends-at=2026-12-01T06:00:00Z");
    }

    @Test
    void shouldRefuseAMaintenanceWindowWithoutEnd() {
        assertFailure("endsAt", "sitewatch.alerting.maintenance[0].site=paris");
    }

    @Test
    void shouldRefuseResendingResolvedAlertsLongerThanTheyAreKept() {
        assertFailure("cannot be longer than sitewatch.alerting.resolved-retention",
                "sitewatch.alerting.resolved-retention=10m");
    }

    @Test
    void shouldRefuseDuplicateWebhookNames() {
        assertFailure("is used twice",
                "sitewatch.alerting.webhooks[0].name=alertmanager",
                "sitewatch.alerting.webhooks[0].url=https://hooks.example.org/x",
                "sitewatch.alerting.webhooks[0].secret=0123456789abcdef0123");
    }

    @Test
    void shouldRefuseABackoffThatShrinks() {
        assertFailure("must not be shorter than initial-backoff",
                "sitewatch.alerting.retry.initial-backoff=10s", "sitewatch.alerting.retry.max-backoff=1s");
    }

    private void assertFailure(String expected, String... properties) {
        runner.withPropertyValues(properties).run(ctx -> {
            assertThat(ctx).hasFailed();
            Throwable failure = ctx.getStartupFailure();
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains(expected);
        });
    }
}
