package org.sitewatch.collectors.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sitewatch.collectors.spi.settings.SettingsBinder;
import org.sitewatch.collectors.spi.settings.SettingsBlock;
import org.sitewatch.collectors.spi.settings.SettingsException;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.Platform;
import org.sitewatch.events.SiteLocation;

/**
 * One vendor endpoint to collect from, as the runtime and the vendor plug-ins see it, free of any
 * configuration framework. Built from {@code sitewatch.collectors.endpoints[n]} properties or
 * programmatically (the all-in-one launcher does that for the simulator's sites).
 *
 * <p>It holds the keys every vendor shares; what is vendor-specific (URLs, credentials, TLS,
 * tuning) stays in the endpoint's own block, {@code endpoints[n].<platform>.*}, which the plug-in
 * binds onto its settings record with {@link #settings(Class)}.
 *
 * @param id unique collector id; part of the CloudEvents source {@code /sitewatch/collectors/<platform>/<id>}
 * @param site the site every record of this endpoint belongs to
 * @param pollInterval time between polls, and between heartbeats of push sources
 * @param timeout connect and per-request time-out
 * @param pollDeadline longest a whole poll may take before it is interrupted; null for the default
 * @param resyncEvery every how many successful polls everything is republished
 * @param targetRpo the RPO replicated items are held to; null lets the plug-in derive one
 * @param nodeSites host name to site, for hosts of this endpoint that stand in another site
 * @param location where the endpoint's site runs (cloud provider and region); null when not
 *     configured. Carried by the endpoint's heartbeats, vendor-neutral.
 * @param vendor the endpoint's vendor block, unbound
 */
public record EndpointConfig(
        String id,
        String site,
        Platform platform,
        Duration pollInterval,
        Duration timeout,
        Duration pollDeadline,
        int resyncEvery,
        Duration targetRpo,
        Map<String, String> nodeSites,
        SiteLocation location,
        SettingsBlock vendor) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_RESYNC_EVERY = 20;

    public EndpointConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(platform, "platform");
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
        vendor = vendor == null ? new SettingsBlock(defaultVendorKey(id, platform), Map.of()) : vendor;
    }

    /** An endpoint without a configured location. */
    public EndpointConfig(String id, String site, Platform platform, Duration pollInterval, Duration timeout,
                          Duration pollDeadline, int resyncEvery, Duration targetRpo, Map<String, String> nodeSites,
                          SettingsBlock vendor) {
        this(id, site, platform, pollInterval, timeout, pollDeadline, resyncEvery, targetRpo, nodeSites, null, vendor);
    }

    public static Builder builder(String id, String site, Platform platform) {
        return new Builder(id, site, platform);
    }

    /** A builder preset with this endpoint's values, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(id, site, platform).pollInterval(pollInterval).timeout(timeout)
                .pollDeadline(pollDeadline).resyncEvery(resyncEvery).targetRpo(targetRpo).nodeSites(nodeSites)
                .location(location).vendorKey(vendor.key());
        vendor.tree().forEach(b::setting);
        return b;
    }

    /**
     * The vendor block bound onto the plug-in's settings record. A bad block is a permanent CONFIG
     * failure naming every bad key (start-up has normally refused it already, see
     * {@link CollectorFactory#validate(EndpointConfig)}); secrets from files are read again on each call.
     */
    public <T extends Record> T settings(Class<T> type) throws CollectorException {
        try {
            return vendor.bind(type, new SettingsBinder());
        } catch (SettingsException e) {
            throw CollectorException.permanent(CollectorErrorKind.CONFIG, "bad settings: " + e.getMessage(),
                    "Fix the keys named above and restart, or wait for the next retry after fixing a file "
                            + "or environment variable", null);
        }
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

    /**
     * What heartbeats and logs show as the endpoint's address: the vendor block's {@code url} (or
     * its first {@code urls} entry) without user info, query or fragment; for vendors without a URL
     * (a cloud subscription), {@code <platform>:<id>}.
     */
    public String address() {
        Object url = vendor.value("url");
        if (url == null && vendor.value("urls") instanceof Map<?, ?> urls && !urls.isEmpty()) {
            url = urls.values().iterator().next();
        }
        if (!(url instanceof String || url instanceof URI)) {
            return platform.wire() + ":" + id;
        }
        try {
            URI u = new URI(url.toString().trim());
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return platform.wire() + ":" + id;
        }
    }

    /**
     * Whether the vendor block turns TLS verification off ({@code insecure-skip-tls-verify: true},
     * the key every HTTP vendor uses), so the runtime can warn at start.
     */
    public boolean insecureSkipTlsVerify() {
        return "true".equalsIgnoreCase(String.valueOf(vendor.value("insecure-skip-tls-verify")).trim());
    }

    /** The site a host stands in: its {@link #nodeSites()} entry, else this endpoint's site. */
    public String siteOfHost(String host) {
        return host == null ? site : nodeSites.getOrDefault(host, site);
    }

    @Override
    public String toString() {
        // The vendor block may hold inline secrets: only its keys are shown.
        return "EndpointConfig[id=" + id + ", site=" + site + ", platform=" + platform.wire() + ", address=" + address()
                + ", pollInterval=" + pollInterval + ", timeout=" + timeout + ", pollDeadline=" + pollDeadline
                + ", resyncEvery=" + resyncEvery + ", targetRpo=" + targetRpo + ", nodeSites=" + nodeSites
                + ", location=" + location + ", vendor=" + vendor + "]";
    }

    private static String defaultVendorKey(String id, Platform platform) {
        return "endpoints[" + id + "]." + platform.wire();
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
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration pollDeadline;
        private int resyncEvery = DEFAULT_RESYNC_EVERY;
        private Duration targetRpo;
        private Map<String, String> nodeSites = Map.of();
        private SiteLocation location;
        private String vendorKey;
        private final Map<String, Object> settings = new LinkedHashMap<>();

        private Builder(String id, String site, Platform platform) {
            this.id = id;
            this.site = site;
            this.platform = platform;
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

        /** Where the endpoint's site runs; null (the default) when not configured. */
        public Builder location(SiteLocation value) {
            this.location = value;
            return this;
        }

        /** The full key problems of the vendor block are reported under; default {@code endpoints[<id>].<platform>}. */
        public Builder vendorKey(String value) {
            this.vendorKey = value;
            return this;
        }

        /** One key of the vendor block, e.g. {@code setting("api-token", "...")}; a null value removes it. */
        public Builder setting(String key, Object value) {
            if (value == null) {
                settings.remove(key);
            } else {
                settings.put(key, value);
            }
            return this;
        }

        /** The whole vendor block, replacing any keys set before. */
        public Builder settings(Map<String, ?> block) {
            settings.clear();
            settings.putAll(block);
            return this;
        }

        public EndpointConfig build() {
            return new EndpointConfig(id, site, platform, pollInterval, timeout, pollDeadline, resyncEvery, targetRpo,
                    nodeSites, location, new SettingsBlock(vendorKey != null ? vendorKey : defaultVendorKey(id, platform), settings));
        }
    }
}
