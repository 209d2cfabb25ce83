package org.sitewatch.collectors.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.http.HttpRemedies;
import org.sitewatch.collectors.spi.http.JsonHttpClient;
import org.sitewatch.collectors.spi.http.TlsContexts;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Reads the Proxmox VE REST API with an API token ({@code Authorization: PVEAPIToken=USER@REALM!TOKENID=SECRET},
 * no CSRF token needed for reads) over the SPI's {@link JsonHttpClient}, and unwraps PVE's
 * {@code {"data": ...}} envelope. Failures are classified by the SPI (I/O, time-outs, 5xx and
 * malformed answers retriable; 401/403, TLS and other 4xx permanent; 404/501 "not available");
 * this class only adds the Proxmox wording of the remedies.
 *
 * <p>Limits: GET only; no ticket (password) login.
 */
final class ProxmoxClient {

    private final JsonHttpClient http;

    ProxmoxClient(EndpointConfig endpoint) throws CollectorException {
        this(endpoint, endpoint.settings(ProxmoxSettings.class));
    }

    ProxmoxClient(EndpointConfig endpoint, ProxmoxSettings settings) throws CollectorException {
        String block = endpoint.vendor().key();
        this.http = JsonHttpClient.builder(settings.url())
                .timeout(endpoint.timeout())
                .sslContext(TlsContexts.create(settings.caFile(), settings.insecureSkipTlsVerify(), block + ".ca-file"))
                .header("Authorization", "PVEAPIToken=" + settings.apiToken().reveal())
                .maxResponseBytes(settings.maxResponseBytes(), block + ".max-response-bytes")
                .remedies(remedies(block))
                .build();
    }

    private static HttpRemedies remedies(String block) {
        return new HttpRemedies(
                "Check " + block + ".api-token: it must be USER@REALM!TOKENID=SECRET of an existing, unexpired token.",
                "Give the token the PVEAuditor role on / (Sys.Audit, VM.Audit); with privilege separation the token "
                        + "itself needs the role, not only its user.",
                "Check " + block + ".url: it must be the API root, e.g. https://pve1:8006/api2/json.",
                HttpRemedies.tlsRemedy(block + ".ca-file", " (Proxmox VE: /etc/pve/pve-root-ca.pem)"));
    }

    /**
     * GETs a path below the API root (e.g. {@code /cluster/status}) and returns its {@code data}.
     *
     * @throws CollectorException classified; its message names the path and never the token
     */
    JsonNode get(String path) throws CollectorException {
        return data(path, http.get(path));
    }

    /** The {@code data} of PVE's envelope; an answer without one is MALFORMED. */
    static JsonNode data(String path, JsonNode root) throws CollectorException {
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED,
                    "GET " + path + " answered without the \"data\" envelope", null);
        }
        return data;
    }
}
