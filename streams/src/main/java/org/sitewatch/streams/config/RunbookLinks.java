package org.sitewatch.streams.config;

import org.springframework.core.env.Environment;

/**
 * Where the alerts' {@code runbook_url} points when {@code sitewatch.alerts.runbook-base-url} is not
 * set: the runbooks this app serves itself at {@code /runbooks}, at the address it is reached at, which
 * is {@code sitewatch.alerting.external-url} when set (the address users know, e.g. behind a proxy),
 * else {@code http://<sitewatch.streams.advertised-host>:<advertised port or server.port>}.
 *
 * <p>Limit: with {@code server.port=0} and no advertised port the port is only known after start-up,
 * later than the rules are configured; the link is then the relative {@code /runbooks}.
 */
final class RunbookLinks {

    static final String PATH = "/runbooks";

    private RunbookLinks() {
    }

    static String ownBaseUrl(Environment environment, StreamsProperties streams) {
        String external = environment.getProperty("sitewatch.alerting.external-url");
        if (external != null && !external.isBlank()) {
            return external.replaceAll("/+$", "") + PATH;
        }
        int port = streams.advertisedPort() != null ? streams.advertisedPort()
                : environment.getProperty("server.port", Integer.class, 8080);
        return port <= 0 ? PATH : "http://" + streams.advertisedHost() + ":" + port + PATH;
    }
}
