package org.sitewatch.alerting.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Test-only application: just the alerting auto-configuration in a Spring Boot web app, with its
 * own meter registry. Tests start it in this JVM with test-support's {@code RunningApp}; {@link #main}
 * lets a test run it in a child JVM it can kill.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AlertingTestApp {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(AlertingTestApp.class).run(args);
        System.out.println("ALERTING-TEST-APP-STARTED");
    }
}
