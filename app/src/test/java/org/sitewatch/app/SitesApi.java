package org.sitewatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.sitewatch.testsupport.LocalHttp;

/** The running app's views, as a user's script would call them (over test-support's plain HTTP client). */
final class SitesApi {

    private final LocalHttp http;

    SitesApi(int port) {
        this.http = new LocalHttp(port);
    }

    /** The body of a 200 answer, or empty while the app answers anything else (503 while starting). */
    Optional<JsonNode> get(String path) {
        return http.json(path);
    }

    int status(String path) {
        return http.status(path);
    }

    String text(String path) {
        return http.text(path);
    }

    /** The status word of one site, or empty when the app cannot answer yet. */
    Optional<String> siteStatus(String site) {
        return site(site).map(n -> n.path("status").asText());
    }

    Optional<JsonNode> site(String site) {
        return http.json("/api/sites/" + site);
    }
}
