package org.sitewatch.audit.web;

import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.audit.state.AlertsTopicHistory;
import org.sitewatch.audit.state.FiringAlertsSource;
import org.sitewatch.audit.state.HealthConfig;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.events.KafkaClientSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The audit REST API ({@code /api/audit/events}, {@code /api/audit/state}) in any Sitewatch web app
 * that runs the streams app. It judges states with the app's own {@link HealthRules} bean and
 * aggregate limits, so an as-of view matches what the live app answered. Off with
 * {@code sitewatch.audit.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(AuditEnabledCondition.class)
@EnableConfigurationProperties(AuditProperties.class)
@Import({AuditController.class, AuditExceptionHandler.class})
public class AuditAutoConfiguration {

    @Bean
    AuditService sitewatchAuditService(AuditProperties properties, Environment env, ObjectProvider<HealthRules> rules,
                                       ObjectProvider<FiringAlertsSource> alerts) {
        // sitewatch.kafka.*, the client settings every Sitewatch client shares (the condition checked the servers).
        KafkaSettings kafka = new KafkaSettings(Binder.get(env).bindOrCreate(KafkaClientSettings.PREFIX,
                KafkaClientSettings.class), properties.timeout());
        AggregateLimits limits = new AggregateLimits(
                env.getProperty("sitewatch.streams.max-problems-per-site", Integer.class, AggregateLimits.DEFAULTS.maxProblems()),
                env.getProperty("sitewatch.streams.recent-ha-actions", Integer.class, AggregateLimits.DEFAULTS.maxRecentHaActions()));
        HealthConfig health = new HealthConfig(rules.getIfAvailable(HealthRules::defaultRules), limits);
        return new AuditService(kafka, properties, health, alerts.getIfAvailable(() -> new AlertsTopicHistory(kafka)));
    }
}
