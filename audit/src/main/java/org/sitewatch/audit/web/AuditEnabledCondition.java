package org.sitewatch.audit.web;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The audit API runs with the streams app (where the views are served): when
 * {@code sitewatch.audit.enabled} and {@code sitewatch.streams.enabled} are not false and
 * {@code sitewatch.kafka.bootstrap-servers} is set.
 */
class AuditEnabledCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        if (!env.getProperty("sitewatch.audit.enabled", Boolean.class, true)) {
            return ConditionOutcome.noMatch("sitewatch.audit.enabled is false");
        }
        if (!env.getProperty("sitewatch.streams.enabled", Boolean.class, true)) {
            return ConditionOutcome.noMatch("the streams app is off (sitewatch.streams.enabled=false)");
        }
        String servers = env.getProperty("sitewatch.kafka.bootstrap-servers");
        return servers == null || servers.isBlank()
                ? ConditionOutcome.noMatch("sitewatch.kafka.bootstrap-servers is not set")
                : ConditionOutcome.match("audit API on " + servers);
    }
}
