package org.sitewatch.app;

import org.sitewatch.collectors.spi.settings.Redactor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps Sitewatch's secrets out of {@code /actuator/env} and {@code /actuator/configprops} even when
 * an operator turns {@code management.endpoint.env.show-values} (or {@code configprops.show-values})
 * to {@code always}: a key that names a credential ({@code ...proxmox.api-token},
 * {@code ...login.password}, {@code webhooks[0].secret}, {@code sitewatch.kafka.properties.sasl.jaas.config})
 * shows {@code ******}, and any other value is passed through {@link Redactor}, so a URL keeps its host
 * but not its user info or token parameters. Both endpoints are not exposed by default.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SanitizingFunction.class)
class SecretSanitizing {

    @Bean
    SanitizingFunction sitewatchSecretSanitizer() {
        return SecretSanitizing::sanitize;
    }

    static SanitizableData sanitize(SanitizableData data) {
        Object value = data.getValue();
        if (value == null) {
            return data;
        }
        if (Redactor.isSecretKey(data.getKey())) {
            return data.withSanitizedValue();
        }
        if (value instanceof CharSequence || value instanceof java.net.URI) {
            String text = value.toString();
            String redacted = Redactor.redact(text);
            return redacted.equals(text) ? data : data.withValue(redacted);
        }
        return data;
    }
}
