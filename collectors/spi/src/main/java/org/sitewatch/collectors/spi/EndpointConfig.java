package org.sitewatch.collectors.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.sitewatch.events.Platform;

/**
 * One vendor endpoint to collect from, as the runtime and the vendor plug-ins see it, free of any
 * configuration framework. Built from {@code sitewatch.collectors.endpoints[n]} properties or
 * programmatically (the all-in-one launcher does that for the simulator's sites).
 *
 * @param id unique collector id; part of the CloudEvents source {@code /sitewatch/collectors/<platform>/<id>}
 * @param site the site every record of this endpoint belongs to
 * @param url the API root, e.g. {@code https://pve1:8006/api2/json}
 * @param apiToken the API token, vendor format (Proxmox: {@code USER@REALM!TOKENID=SECRET}); never logged
 * @param username user name for vendors that log in with a password; may be null
 * @param password password for those vendors; never logged; may be null
 * @param caFile PEM file with the CA certificate(s) to trust instead of the JVM's defaults; may be null
 * @param insecureSkipTlsVerify accept any server certificate (testing only; logged as a warning)
 * @param pollInterval time between polls, and between heartbeats of push sources
 * @param timeout connect and per-request time-out
 * @param pollDeadline longest a whole poll may take before it is interrupted; null for the default
 * @param resyncEvery every how many successful polls everything is republished
 * @param targetRpo the RPO replicated items are held to; null lets the plug-in derive one
 * @param nodeSites host name to site, for hosts of this endpoint that stand in another site
 * @param options vendor-specific settings, documented by each plug-in
 */
public record EndpointConfig(
        String id,
        String site,
        Platform platform,
        URI url,
        String apiToken,
        String username,
        String password,
        Path caFile,
        boolean insecureSkipTlsVerify,
        Duration pollInterval,
        Duration timeout,
        Duration pollDeadline,
        int resyncEvery,
        Duration targetRpo,
        Map<String, String> nodeSites,
        Map<String, String> options) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_RESYNC_EVERY = 20;

    public EndpointConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(url, "url");
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        requirePositive(pollInterval, "pollInterval");
        requirePositive(timeout, "timeout");
        if (pollDeadline != null) {
            requirePositive(pollDeadline, "pollDeadline");
        }
        if (resyncEvery < 1) {
            throw new IllegalArgumentException("resyncEvery must be at least 1 but was " + resyncEvery);
        }
        nodeSites = nodeSites == null ? Map.of() : Map.copyOf(nodeSites);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public static Builder builder(String id, String site, Platform platform, URI url) {
        return new Builder(id, site, platform, url);
    }

    /** A builder preset with this endpoint's values, to derive a variant. */
    public Builder toBuilder() {
        return new Builder(id, site, platform, url).apiToken(apiToken).username(username).password(password)
                .caFile(caFile).insecureSkipTlsVerify(insecureSkipTlsVerify).pollInterval(pollInterval)
                .timeout(timeout).pollDeadline(pollDeadline).resyncEvery(resyncEvery).targetRpo(targetRpo)
                .nodeSites(nodeSites).options(options);
    }

    /**
     * How long a whole poll may run: the configured deadline, or by default six request time-outs
     * (a poll makes several requests) but never less than the poll interval.
     */
    public Duration effectivePollDeadline() {
        if (pollDeadline != null) {
            return pollDeadline;
        }
        Duration sixRequests = timeout.multipliedBy(6);
        return sixRequests.compareTo(pollInterval) >= 0 ? sixRequests : pollInterval;
    }

    /** The URL without user info, query or fragment: safe to publish in heartbeats and logs. */
    public String address() {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }

    /** The site a host stands in: its {@link #nodeSites()} entry, else this endpoint's site. */
    public String siteOfHost(String host) {
        return host == null ? site : nodeSites.getOrDefault(host, site);
    }

    @Override
    public String toString() {
        // Secrets stay out of logs and exception messages.
        return "EndpointConfig[id=" + id + ", site=" + site + ", platform=" + platform.wire() + ", url=" + address()
                + ", apiToken=" + mask(apiToken) + ", username=" + username + ", password=" + mask(password)
                + ", caFile=" + caFile + ", insecureSkipTlsVerify=" + insecureSkipTlsVerify
                + ", pollInterval=" + pollInterval + ", timeout=" + timeout + ", pollDeadline=" + pollDeadline
                + ", resyncEvery=" + resyncEvery + ", targetRpo=" + targetRpo + ", nodeSites=" + nodeSites
                + ", options=" + options + "]";
    }

    private static String mask(String secret) {
        return secret == null ? null : "******";
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + d);
        }
    }

    /** Fluent construction with the documented defaults. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String site;
        private final Platform platform;
        private final URI url;
        private String apiToken;
        private String username;
        private String password;
        private Path caFile;
        private boolean insecureSkipTlsVerify;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration pollDeadline;
        private int resyncEvery = DEFAULT_RESYNC_EVERY;
        private Duration targetRpo;
        private Map<String, String> nodeSites = Map.of();
        private Map<String, String> options = Map.of();

        private Builder(String id, String site, Platform platform, URI url) {
            this.id = id;
            this.site = site;
            this.platform = platform;
            this.url = url;
        }

        public Builder apiToken(String value) {
            this.apiToken = value;
            return this;
        }

        public Builder username(String value) {
            this.username = value;
            return this;
        }

        public Builder password(String value) {
            this.password = value;
            return this;
        }

        public Builder caFile(Path value) {
            this.caFile = value;
            return this;
        }

        public Builder insecureSkipTlsVerify(boolean value) {
            this.insecureSkipTlsVerify = value;
            return this;
        }

        public Builder pollInterval(Duration value) {
            this.pollInterval = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder pollDeadline(Duration value) {
            this.pollDeadline = value;
            return this;
        }

        public Builder resyncEvery(int value) {
            this.resyncEvery = value;
            return this;
        }

        public Builder targetRpo(Duration value) {
            this.targetRpo = value;
            return this;
        }

        public Builder nodeSites(Map<String, String> value) {
            this.nodeSites = value;
            return this;
        }

        public Builder options(Map<String, String> value) {
            this.options = value;
            return this;
        }

        public EndpointConfig build() {
            return new EndpointConfig(id, site, platform, url, apiToken, username, password, caFile,
                    insecureSkipTlsVerify, pollInterval, timeout, pollDeadline, resyncEvery, targetRpo,
                    nodeSites, options);
        }
    }
}
