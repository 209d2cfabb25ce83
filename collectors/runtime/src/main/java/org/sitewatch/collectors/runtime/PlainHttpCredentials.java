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
 * it once at start: as a warning, or as information when every such URL names a loopback address
 * (127.0.0.0/8, ::1, localhost: the credential does not leave the host, as with the embedded
 * default's simulator), which is still worth saying.
 */
final class PlainHttpCredentials {

    private PlainHttpCredentials() {
    }

    /**
     * What to say about one endpoint.
     *
     * @param text names the endpoint id and the keys, never a value
     * @param loopbackOnly every plain URL names a loopback address
     */
    record Finding(String text, boolean loopbackOnly) {
    }

    /** What to say about this endpoint, or empty when no credential travels over plain HTTP. */
    static Optional<Finding> find(EndpointConfig endpoint, Class<? extends Record> settingsType) {
        Record settings;
        try {
            settings = endpoint.settings(settingsType);
        } catch (CollectorException e) {
            return Optional.empty(); // a bad block is refused at start-up and reported by the heartbeat
        }
        String block = endpoint.vendor().key() + ".";
        List<String> plainUrls = new ArrayList<>();
        List<String> credentials = new ArrayList<>();
        boolean[] loopbackOnly = {true};
        SettingsWalker.walk(settings, (key, value) -> {
            if (value instanceof Secret) {
                credentials.add(block + key);
            } else if (value instanceof URI uri && "http".equalsIgnoreCase(uri.getScheme())) {
                plainUrls.add(block + key);
                loopbackOnly[0] &= isLoopback(uri.getHost());
                if (uri.getRawUserInfo() != null) {
                    credentials.add(block + key + " (user info)");
                }
            }
        });
        if (plainUrls.isEmpty() || credentials.isEmpty()) {
            return Optional.empty();
        }
        if (loopbackOnly[0]) {
            return Optional.of(new Finding("collector " + endpoint.id() + ": " + String.join(", ", plainUrls)
                    + " is plain http:// to a loopback address, so " + String.join(", ", credentials)
                    + " stay(s) on this host unencrypted; use an https:// URL for any other host.", true));
        }
        return Optional.of(new Finding("collector " + endpoint.id() + ": " + String.join(", ", plainUrls)
                + " is plain http://, so " + String.join(", ", credentials) + " travel(s) unencrypted: anyone on the "
                + "network path can read them. Use an https:// URL (with ca-file for a private CA).", false));
    }

    /** A literal loopback address or the name localhost (no name lookup: a start-up check must not block). */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
