package org.sitewatch.alerting.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.sitewatch.events.Json;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Test-only application: just the alerting auto-configuration in a Spring Boot web app, with its
 * own meter registry. {@link #main} lets a test run it in a child JVM it can kill.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AlertingTestApp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(AlertingTestApp.class).run(args);
        System.out.println("ALERTING-TEST-APP-STARTED");
    }

    /** Starts it in this JVM on a free port with these properties. */
    public static ConfigurableApplicationContext start(Map<String, String> properties) {
        SpringApplicationBuilder b = new SpringApplicationBuilder(AlertingTestApp.class);
        b.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off");
        properties.forEach((k, v) -> b.properties(k + "=" + v));
        return b.run();
    }

    public static URI baseUrl(ConfigurableApplicationContext ctx) {
        return URI.create("http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port"));
    }

    public static JsonNode getJson(ConfigurableApplicationContext ctx, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(baseUrl(ctx).resolve(path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(r.body());
    }

    public static HttpResponse<String> send(ConfigurableApplicationContext ctx, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(baseUrl(ctx).resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A meter's value in the app's registry (gauge or counter), 0 when not registered yet. */
    public static double meter(ConfigurableApplicationContext ctx, String name, String... tags) {
        MeterRegistry r = ctx.getBean(MeterRegistry.class);
        var search = r.find(name).tags(tags);
        if (search.gauge() != null) {
            return search.gauge().value();
        }
        return search.counter() == null ? 0 : search.counter().count();
    }
}
