package org.sitewatch.testsupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application under test, started in this JVM with its web server on a free loopback
 * port, and an HTTP client for it. It takes the application class rather than knowing any module's
 * configuration, so every module's tests (the streams app's own among them) can use it.
 *
 * <p>Limit: properties are given as Spring's default properties, so an environment variable of
 * the same name (e.g. {@code SERVER_PORT}) would win over them.
 */
public final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final LocalHttp http;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = new LocalHttp(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    /** Runs {@code application} on 127.0.0.1 and a free port; {@code properties} come on top of those. */
    public static RunningApp start(Class<?> application, Map<String, String> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("server.address", "127.0.0.1");
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        return new RunningApp(new SpringApplicationBuilder(application).properties(all).run());
    }

    /**
     * Runs a Sitewatch streams application: {@code application} must import the streams
     * configuration. It joins {@code bootstrapServers} as {@code applicationId} with its state in
     * {@code stateDir}, commits every 100 ms and punctuates every second so tests see results fast;
     * {@code overrides} come last.
     */
    public static RunningApp startStreams(Class<?> application, String bootstrapServers, String applicationId, Path stateDir,
                                          Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("sitewatch.kafka.bootstrap-servers", bootstrapServers);
        properties.put("sitewatch.streams.application-id", applicationId);
        properties.put("sitewatch.streams.state-dir", stateDir.toString());
        properties.put("sitewatch.streams.commit-interval", "100ms");
        properties.put("sitewatch.streams.punctuate-interval", "1s");
        properties.put("sitewatch.views.metrics-refresh-interval", "1h");
        properties.putAll(overrides);
        return start(application, properties);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return http.base().getPort();
    }

    public URI baseUrl() {
        return http.base();
    }

    public LocalHttp http() {
        return http;
    }

    /** A meter's value in the app's registry (gauge or counter, these tags), 0 when not registered yet. */
    public double meter(String name, String... tags) {
        Search search = context.getBean(MeterRegistry.class).find(name).tags(tags);
        if (search.gauge() != null) {
            return search.gauge().value();
        }
        return search.counter() == null ? 0 : search.counter().count();
    }

    @Override
    public void close() {
        context.close();
    }
}
