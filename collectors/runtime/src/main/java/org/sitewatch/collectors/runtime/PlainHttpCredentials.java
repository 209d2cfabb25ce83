package org.sitewatch.collectors.runtime;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.settings.Secret;
import org.sitewatch.collectors.spi.settings.SettingsWalker;

/**
 * Finds an endpoint whose vendor block sends a credential over plain {@code http://}: a URL setting
 * with the {@code http} scheme, and a {@link Secret} setting (token, password, client secret) or user
 * info in such a URL. The warning names the endpoint id and the keys, never a value; the runtime logs
 * it once at start. Loopback addresses are not exempt: a container's or a proxy's loopback is not
 * always this host's.
 */
final class PlainHttpCredentials {

    private PlainHttpCredentials() {
    }

    /** The warning for this endpoint, or empty when no credential travels over plain HTTP. */
    static Optional<String> warning(EndpointConfig endpoint, Class<? extends Record> settingsType) {
        Record settings;
        try {
            settings = endpoint.settings(settingsType);
        } catch (CollectorException e) {
            return Optional.empty(); // a bad block is refused at start-up and reported by the heartbeat
        }
        String block = endpoint.vendor().key() + ".";
        List<String> plainUrls = new ArrayList<>();
        List<String> credentials = new ArrayList<>();
        SettingsWalker.walk(settings, (key, value) -> {
            if (value instanceof Secret) {
                credentials.add(block + key);
            } else if (value instanceof URI uri && "http".equalsIgnoreCase(uri.getScheme())) {
                plainUrls.add(block + key);
                if (uri.getRawUserInfo() != null) {
                    credentials.add(block + key + " (user info)");
                }
            }
        });
        if (plainUrls.isEmpty() || credentials.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("collector " + endpoint.id() + ": " + String.join(", ", plainUrls) + " is plain http://, so "
                + String.join(", ", credentials) + " travel(s) unencrypted: anyone on the network path can read "
                + "them. Use an https:// URL (with ca-file for a private CA).");
    }
}
