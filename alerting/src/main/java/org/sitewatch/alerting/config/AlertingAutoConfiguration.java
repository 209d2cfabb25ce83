package org.sitewatch.alerting.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sitewatch.alerting.delivery.AlertTarget;
import org.sitewatch.alerting.delivery.AlertmanagerClient;
import org.sitewatch.alerting.delivery.HttpPoster;
import org.sitewatch.alerting.delivery.WebhookSender;
import org.sitewatch.alerting.dispatch.AlertDispatcher;
import org.sitewatch.alerting.dispatch.DeliveryMetrics;
import org.sitewatch.alerting.dispatch.DispatcherLifecycle;
import org.sitewatch.alerting.dispatch.DispatcherSettings;
import org.sitewatch.alerting.health.ComponentHealthIndicator;
import org.sitewatch.alerting.maintenance.KafkaMaintenanceLog;
import org.sitewatch.alerting.maintenance.MaintenanceLimits;
import org.sitewatch.alerting.maintenance.MaintenanceService;
import org.sitewatch.alerting.maintenance.MaintenanceWindows;
import org.sitewatch.alerting.state.ActiveAlerts;
import org.sitewatch.alerting.web.AlertingApiExceptionHandler;
import org.sitewatch.alerting.web.AlertsController;
import org.sitewatch.alerting.web.MaintenanceController;
import org.sitewatch.events.KafkaClientSettings;
import org.sitewatch.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Alert delivery inside a Spring Boot application when {@code sitewatch.alerting.enabled} is true
 * (the default): the dispatcher reading {@code sitewatch.alerts} from the Kafka of {@code sitewatch.kafka.*}
 * and delivering to the Alertmanager and webhooks of {@link AlertingProperties} (plus any
 * {@link AlertTarget} beans), the maintenance windows (configuration + the maintenance topic) and,
 * in a servlet web application, {@code /api/alerts} and {@code /api/maintenance}.
 *
 * <p>Registered as an auto-configuration; time comes from the application's single {@link Clock}
 * bean if any, meters go to its {@link MeterRegistry} (else Micrometer's global one). It creates
 * only its own topics (maintenance, dispatch state) if they are missing; {@code sitewatch.alerts} must
 * exist (the launcher provisions all of them with the rest of {@code Topics.ALL}). With Spring Boot's
 * health support on the class path it adds health indicators for the dispatcher thread, the delivery
 * workers and the maintenance-log reader.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "sitewatch.alerting", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({AlertingProperties.class, MaintenanceLimits.class})
public class AlertingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AlertingAutoConfiguration.class);

    @Bean
    public MaintenanceWindows sitewatchMaintenanceWindows(AlertingProperties properties) {
        return new MaintenanceWindows(properties.maintenanceWindows(), properties.resolvedRetention());
    }

    @Bean
    public ActiveAlerts sitewatchActiveAlerts(AlertingProperties properties, MaintenanceWindows windows) {
        return new ActiveAlerts(windows, properties.resolvedRetention());
    }

    @Bean
    public DeliveryMetrics sitewatchAlertDeliveryMetrics(ActiveAlerts alerts, ObjectProvider<MeterRegistry> meters,
                                                         ObjectProvider<Clock> clock) {
        return new DeliveryMetrics(meters.getIfAvailable(() -> Metrics.globalRegistry), alerts,
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    public KafkaMaintenanceLog sitewatchMaintenanceLog(Environment environment, AlertingProperties properties,
                                                       MaintenanceWindows windows, DeliveryMetrics metrics) {
        KafkaMaintenanceLog log = new KafkaMaintenanceLog(kafkaClientSettings(environment, properties), windows,
                properties.kafkaTimeout());
        metrics.component(log.health());
        return log;
    }

    @Bean
    public MaintenanceService sitewatchMaintenanceService(MaintenanceWindows windows, KafkaMaintenanceLog store,
                                                          ObjectProvider<Clock> clock, MaintenanceLimits limits) {
        return new MaintenanceService(windows, store, clock.getIfUnique(Clock::systemUTC), limits);
    }

    @Bean
    public DispatcherLifecycle sitewatchAlertDispatcher(Environment environment, AlertingProperties properties,
                                                        ActiveAlerts alerts, MaintenanceWindows windows,
                                                        DeliveryMetrics metrics, ObjectProvider<AlertTarget> extraTargets,
                                                        ObjectProvider<Clock> clock) {
        List<AlertTarget> targets = targets(properties);
        extraTargets.orderedStream().forEach(targets::add);
        if (targets.isEmpty()) {
            log.warn("no alert targets configured (sitewatch.alerting.alertmanager.urls, sitewatch.alerting.webhooks): "
                    + "alerts are listed at /api/alerts but delivered nowhere");
        }
        DispatcherSettings settings = new DispatcherSettings(kafkaClientSettings(environment, properties),
                properties.groupId(), properties.retry().toBackoff(), properties.alertmanager().resolvedResendFor(),
                properties.pollInterval(), properties.kafkaTimeout());
        AlertDispatcher dispatcher = AlertDispatcher.create(settings, alerts, windows, targets, metrics,
                clock.getIfUnique(Clock::systemUTC));
        dispatcher.components().forEach(metrics::component);
        KafkaClientSettings kafka = settings.kafka();
        return new DispatcherLifecycle(dispatcher, properties.kafkaTimeout(), () -> AlertingTopics.ensure(kafka,
                properties.kafkaTimeout(), List.of(Topics.ALERT_DISPATCH), "alert-dispatch-admin"));
    }

    /** {@code /actuator/health} parts, where Spring Boot's health support is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class AlertingHealthConfiguration {

        /** DOWN once the dispatcher thread died; says whether it is still rebuilding its delivery state. */
        @Bean
        HealthIndicator alertDispatcherHealthIndicator(DispatcherLifecycle lifecycle) {
            AlertDispatcher d = lifecycle.dispatcher();
            return new ComponentHealthIndicator(() -> List.of(d.health()), () -> Map.of("rebuilding", d.rebuilding()));
        }

        /** DOWN once some target's delivery worker died; each target's failures in a row and last success. */
        @Bean
        HealthIndicator alertDeliveryHealthIndicator(DispatcherLifecycle lifecycle) {
            return new ComponentHealthIndicator(lifecycle.dispatcher()::deliveryHealth, Map::of);
        }

        /** DOWN once the maintenance-log reader died (windows created elsewhere are no longer seen). */
        @Bean
        HealthIndicator maintenanceLogHealthIndicator(KafkaMaintenanceLog maintenanceLog) {
            return new ComponentHealthIndicator(() -> List.of(maintenanceLog.health()), Map::of);
        }
    }

    static List<AlertTarget> targets(AlertingProperties properties) {
        List<AlertTarget> targets = new ArrayList<>();
        AlertingProperties.Alertmanager am = properties.alertmanager();
        if (!am.urls().isEmpty()) {
            targets.add(new AlertmanagerClient(am.urls(), am.resendInterval(), properties.externalUrl(),
                    new HttpPoster(am.timeout())));
        }
        for (int i = 0; i < properties.webhooks().size(); i++) {
            AlertingProperties.Webhook w = properties.webhooks().get(i);
            targets.add(new WebhookSender(AlertingProperties.webhookName(w, i), w.url(), w.secret(),
                    new HttpPoster(w.timeout())));
        }
        return targets;
    }

    /**
     * {@code sitewatch.kafka.*}, the one client configuration of every Sitewatch client, with
     * {@code sitewatch.alerting.kafka.*} applied on top for the alerting clients only.
     */
    static KafkaClientSettings kafkaClientSettings(Environment environment, AlertingProperties properties) {
        KafkaClientSettings kafka = Binder.get(environment).bindOrCreate(KafkaClientSettings.PREFIX, KafkaClientSettings.class);
        kafka.requireBootstrapServers("the alert dispatcher reads sitewatch.alerts from Kafka (or set "
                + "sitewatch.alerting.enabled=false)");
        return kafka.withProperties(properties.kafka());
    }

    /** The REST API, only in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import({AlertsController.class, MaintenanceController.class, AlertingApiExceptionHandler.class})
    static class AlertingWebConfiguration {
    }
}
