package org.sitewatch.collectors.ovirt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.http.HttpRemedies;
import org.sitewatch.collectors.spi.http.JsonHttpClient;
import org.sitewatch.collectors.spi.http.TlsContexts;
import org.sitewatch.events.CollectorErrorKind;

/**
 * GETs below the engine's {@code /ovirt-engine/api} with {@code Authorization: Bearer <token>} over the
 * SPI's {@link JsonHttpClient}, which classifies every failure. The token comes from {@link OvirtSso}
 * at the first call; a 401 on a token that worked before means it expired (oVirt tokens cannot be
 * refreshed), so the request is made once more after one new login, and a second refusal is the
 * permanent AUTH failure. One API object per endpoint; poll and event reads run one at a time.
 */
final class OvirtApi {

    private final JsonHttpClient.Builder clients;
    private final OvirtSso sso;
    private JsonHttpClient client;

    OvirtApi(EndpointConfig endpoint, OvirtSettings settings) throws CollectorException {
        String block = endpoint.vendor().key();
        SSLContext tls = TlsContexts.create(settings.caFile(), settings.insecureSkipTlsVerify(), block + ".ca-file");
        this.sso = new OvirtSso(settings.engineRoot(), settings.login(), endpoint.timeout(), tls, block);
        this.clients = JsonHttpClient.builder(settings.apiRoot()).timeout(endpoint.timeout()).sslContext(tls)
                .maxResponseBytes(settings.maxResponseBytes(), block + ".max-response-bytes").remedies(remedies(block));
    }

    private static HttpRemedies remedies(String block) {
        return new HttpRemedies(
                "Check " + block + ".login: the user must exist and be enabled in its domain (user@domain)",
                "Give the user of " + block + ".login a read-only role on the system (e.g. ReadOnlyAdmin)",
                "Check " + block + ".url: it must be the engine's address (https://engine.example.com)",
                HttpRemedies.tlsRemedy(block + ".ca-file", " (/etc/pki/ovirt-engine/ca.pem on the engine)"));
    }

    /** The answer of {@code path} (e.g. {@code /vms}), logging in first or again when needed. */
    synchronized JsonNode get(String path) throws CollectorException {
        boolean fresh = client == null;
        if (fresh) {
            client = clientWith(sso.login());
        }
        try {
            return client.get(path);
        } catch (CollectorException e) {
            if (fresh || e.kind() != CollectorErrorKind.AUTH) {
                throw e;
            }
            // The token expired or the engine restarted: one new login, one more try, no loop.
            client = clientWith(sso.login());
            return client.get(path);
        }
    }

    /** The list a collection answer holds under its one key ({@code {"vm":[...]}}); empty when it has none. */
    List<JsonNode> list(String path, String key) throws CollectorException {
        return items(path, get(path), key);
    }

    static List<JsonNode> items(String path, JsonNode answer, String key) throws CollectorException {
        if (!answer.isObject()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED,
                    "GET " + path + " answered " + answer.getNodeType() + " instead of an object", null);
        }
        JsonNode array = answer.get(key);
        List<JsonNode> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out; // the engine leaves the key out of an empty collection
        }
        if (!array.isArray()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED,
                    "GET " + path + ": '" + key + "' is not a list but " + array.getNodeType(), null);
        }
        array.forEach(out::add);
        return out;
    }

    private JsonHttpClient clientWith(String token) {
        return clients.header("Authorization", "Bearer " + token).build();
    }
}
