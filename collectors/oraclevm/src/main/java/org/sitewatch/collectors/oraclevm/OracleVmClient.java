package org.sitewatch.collectors.oraclevm;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.http.HttpRemedies;
import org.sitewatch.collectors.spi.http.JsonHttpClient;
import org.sitewatch.collectors.spi.http.TlsContexts;
import org.sitewatch.events.CollectorErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Oracle VM Manager's Web Services REST API as the Manager expects: HTTP Basic on the first
 * request ({@code GET /Manager}), then only the session cookie that answer set; when a request in
 * the session is refused (the session idled out, the Manager restarted) it logs in with Basic once
 * more and repeats the request; a refused login is the AUTH failure. A Manager that sets no cookie
 * gets Basic on every request instead. Every failure is classified by the SPI's
 * {@link JsonHttpClient} (401/403 AUTH, 404/501 not available, 5xx, time-outs, malformed answers);
 * this class adds the Oracle VM remedies and checks that list calls answer bare arrays.
 *
 * <p>Limits: GET only; no certificate login. Not thread-safe: polls are sequential.
 */
final class OracleVmClient {

    private static final Logger log = LoggerFactory.getLogger(OracleVmClient.class);
    /** The path whose GET logs in; the Manager's state, which each poll reads first anyway. */
    static final String LOGIN_PATH = "/Manager";

    private final String endpointId;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);
    private final JsonHttpClient basic;
    private final JsonHttpClient session;
    private boolean loggedIn;
    private boolean cookieLess;

    OracleVmClient(EndpointConfig endpoint, OracleVmSettings settings) throws CollectorException {
        String block = endpoint.vendor().key();
        this.endpointId = endpoint.id();
        String credentials = settings.login().username() + ":" + settings.login().password().reveal();
        this.basic = client(endpoint, settings, block)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build();
        this.session = client(endpoint, settings, block).build();
    }

    private JsonHttpClient.Builder client(EndpointConfig endpoint, OracleVmSettings settings, String block)
            throws CollectorException {
        return JsonHttpClient.builder(settings.restRoot())
                .timeout(endpoint.timeout())
                .sslContext(TlsContexts.create(settings.caFile(), settings.insecureSkipTlsVerify(), block + ".ca-file"))
                .cookieHandler(cookies)
                .maxResponseBytes(settings.maxResponseBytes(), block + ".max-response-bytes")
                .remedies(remedies(block));
    }

    private static HttpRemedies remedies(String block) {
        return new HttpRemedies(
                "Check " + block + ".login: the user name and password of an Oracle VM Manager account that can sign "
                        + "in to the Manager",
                "Give the account of " + block + ".login access to the Manager's Web Services API",
                "Check " + block + ".url: it must be the Manager's address, e.g. https://ovmm.example.org:7002 "
                        + "(the REST root " + OracleVmSettings.REST_ROOT + " is added), of Oracle VM Manager 3.4",
                HttpRemedies.tlsRemedy(block + ".ca-file", " (the Manager's WebLogic listener, port 7002)"));
    }

    /**
     * GETs an object type's list, e.g. {@code /Vm}: the bare JSON array the Manager answers.
     *
     * @throws CollectorException classified; MALFORMED when the answer is not an array
     */
    JsonNode list(String path) throws CollectorException {
        return requireList(path, get(path));
    }

    static JsonNode requireList(String path, JsonNode answer) throws CollectorException {
        if (!answer.isArray()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED, "GET " + path + " answered a JSON "
                    + answer.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not the bare array Oracle VM Manager sends for a list", null);
        }
        return answer;
    }

    /** GETs a path below the REST root in the session, logging in first when there is none. */
    JsonNode get(String path) throws CollectorException {
        if (!loggedIn) {
            JsonNode answer = logIn();
            if (path.equals(LOGIN_PATH)) {
                return answer;
            }
        }
        try {
            return reader().get(path);
        } catch (CollectorException e) {
            if (e.kind() != CollectorErrorKind.AUTH || cookieLess) {
                throw e;
            }
            log.info("collector {}: the Manager refused the session ({}); logging in again", endpointId, e.getMessage());
            JsonNode answer = logIn();
            return path.equals(LOGIN_PATH) ? answer : reader().get(path);
        }
    }

    private JsonNode logIn() throws CollectorException {
        loggedIn = false;
        cookies.getCookieStore().removeAll();
        JsonNode answer = basic.get(LOGIN_PATH);
        boolean noCookie = cookies.getCookieStore().getCookies().isEmpty();
        if (noCookie && !cookieLess) {
            log.info("collector {}: the Manager set no session cookie at login; sending Basic with every request",
                    endpointId);
        }
        cookieLess = noCookie;
        loggedIn = true;
        return answer;
    }

    private JsonHttpClient reader() {
        return cookieLess ? basic : session;
    }
}
