package org.sitewatch.collectors.oraclevm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.settings.PropertyTree;
import org.sitewatch.events.Platform;

/** JSON fixtures (src/test/resources/oraclevm) and a test endpoint. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final EndpointConfig ENDPOINT = EndpointConfig.builder("ovmm-test", "zurich", Platform.ORACLEVM)
            .settings(PropertyTree.of(Map.of("url", "https://ovmm.example.org:7002", "login.username", "admin",
                    "login.password", "secret"))).timeout(Duration.ofSeconds(1)).build();

    private Fixtures() {
    }

    static JsonNode load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/oraclevm/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
