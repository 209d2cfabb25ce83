package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.Platform;

/** Reads the JSON fixtures of {@code src/test/resources/proxmox} through the client's envelope parsing. */
final class ProxmoxFixtures {

    /** The poll instant all fixtures are written for: 2025-01-07T10:00:10Z. */
    static final Instant NOW = Instant.ofEpochSecond(1736244010L);
    static final String SITE = "paris-dc1";

    private ProxmoxFixtures() {
    }

    static String text(String name) {
        try (InputStream in = ProxmoxFixtures.class.getResourceAsStream("/proxmox/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data} of a fixture file. */
    static JsonNode data(String name) {
        return envelope(text(name));
    }

    /** The {@code data} of an inline answer such as {@code {"data":[...]}}. */
    static JsonNode envelope(String json) {
        try {
            return ProxmoxClient.data("/fixture", new ObjectMapper().readTree(json));
        } catch (CollectorException | IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A single JSON object written with single quotes for readability. */
    static JsonNode object(String singleQuotedJson) {
        return envelope("{\"data\":" + singleQuotedJson.replace('\'', '"') + "}");
    }

    static ProxmoxReadings readings(String clusterStatus) {
        return new ProxmoxReadings(NOW, data(clusterStatus), data("resources-vm.json"), data("resources-node.json"),
                data("ha-status.json"), data("replication-config.json"),
                Map.of("pve1", data("replication-pve1.json"), "pve2", data("replication-pve2.json")));
    }

    static EndpointConfig endpoint() {
        return EndpointConfig.builder("paris-pve", SITE, Platform.PROXMOX)
                .setting("url", "https://pve1:8006/api2/json")
                .setting("api-token", "monitor@pve!sitewatch=00000000-0000-0000-0000-000000000000").build();
    }

    static ProxmoxRules settings() {
        return ProxmoxRules.of(endpoint(), ProxmoxSettings.DEFAULT_CRITICAL_FAIL_COUNT);
    }
}
