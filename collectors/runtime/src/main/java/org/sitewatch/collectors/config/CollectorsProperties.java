package org.sitewatch.collectors.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.validator.constraints.time.DurationMin;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.runtime.RuntimeSettings;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.settings.SettingsBlock;
import org.sitewatch.events.Platform;
import org.sitewatch.events.SiteLocation;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sitewatch.collectors.*}: which endpoints to collect from and how. Validated at start-up;
 * a bad value stops the application with the property's name and the reason. Each endpoint's
 * vendor block is then bound onto its plug-in's settings record, in {@code CollectorManager},
 * with the same effect.
 *
 * @param enabled whether this process runs collectors at all (default true)
 * @param endpoints the vendor endpoints; more can be added programmatically with a
 *     {@link CollectorEndpoints} bean
 * @param retry back-off after failures
 * @param producer extra Kafka producer settings (e.g. {@code security.protocol}); idempotence and
 *     {@code acks=all} cannot be weakened
 * @param runtime push queues, push heartbeats and the HA action outbox
 */
@ConfigurationProperties("sitewatch.collectors")
@Validated
public record CollectorsProperties(
        @DefaultValue("true") boolean enabled,
        @Valid @DefaultValue List<Endpoint> endpoints,
        @Valid @DefaultValue Retry retry,
        @DefaultValue Map<String, String> producer,
        @Valid @DefaultValue RuntimeOptions runtime) {

    /** Site and collector ids go into Kafka keys, subjects and URIs: the events contract's pattern. */
    static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** Producer settings may hold a JAAS line or a key store password: only their names are shown. */
    @Override
    public String toString() {
        return "CollectorsProperties[enabled=" + enabled + ", endpoints=" + endpoints + ", retry=" + retry
                + ", producer=" + producer.keySet() + ", runtime=" + runtime + "]";
    }

    /**
     * One endpoint's common keys, {@code sitewatch.collectors.endpoints[n].*}. Its vendor block,
     * {@code endpoints[n].<platform>.*}, is read apart by {@link EndpointBlocks} and bound by the
     * plug-in onto its own settings record.
     *
     * @param id unique collector id (letters, digits, {@code . _ -})
     * @param site the site its records belong to
     * @param platform {@code proxmox} (the plug-ins installed decide what else)
     * @param pollInterval default 15s
     * @param timeout connect and request time-out, default 10s
     * @param pollDeadline longest a whole poll may run; default six time-outs, at least the interval
     * @param resyncEvery republish everything every N successful polls, default 20
     * @param targetRpo RPO replication items are held to; default derived by the plug-in
     * @param nodeSites host name → site, for hosts standing in another site
     * @param cloud the cloud provider the site runs in, one lower-case word such as {@code aws},
     *     {@code azure}, {@code gcp}; left out on premises
     * @param region the provider's region id ({@code eu-central-1}) or, on premises, a location name
     */
    public record Endpoint(
            @NotBlank(message = "every endpoint needs an id")
            @Pattern(regexp = NAME_PATTERN, message = "must be letters, digits, '.', '_' or '-' (at most 64)") String id,
            @NotBlank(message = "every endpoint needs the site it belongs to")
            @Pattern(regexp = NAME_PATTERN, message = "must be letters, digits, '.', '_' or '-' (at most 64)") String site,
            @NotNull(message = "must be one of the platforms, e.g. proxmox") Platform platform,
            @DefaultValue("15s") @DurationMin(millis = 50, message = "must be at least 50ms") Duration pollInterval,
            @DefaultValue("10s") @DurationMin(millis = 50, message = "must be at least 50ms") Duration timeout,
            @DurationMin(millis = 50, message = "must be at least 50ms") Duration pollDeadline,
            @DefaultValue("20") @Min(value = 1, message = "must be at least 1") int resyncEvery,
            @DurationMin(seconds = 1, message = "must be at least 1s") Duration targetRpo,
            @DefaultValue Map<String, String> nodeSites,
            String cloud,
            String region) {

        /**
         * What is wrong with the location keys, each problem starting with its full key; empty when
         * they are fine (or not set).
         *
         * @param at the endpoint's key prefix, {@code sitewatch.collectors.endpoints[n].}
         */
        public List<String> locationProblems(String at) {
            List<String> problems = new ArrayList<>();
            check(cloud, SiteLocation::checkCloud, at + "cloud", problems);
            check(region, SiteLocation::checkRegion, at + "region", problems);
            return problems;
        }

        /**
         * @param vendor the endpoint's vendor block as {@link EndpointBlocks} read it
         * @throws IllegalArgumentException when the location keys are bad (see {@link #locationProblems})
         */
        public EndpointConfig toEndpointConfig(SettingsBlock vendor) {
            return new EndpointConfig(id, site, platform, pollInterval, timeout, pollDeadline, resyncEvery, targetRpo,
                    nodeSites, SiteLocation.of(cloud, region), vendor);
        }

        private static void check(String value, Consumer<String> checker, String key, List<String> problems) {
            if (value == null || value.isBlank()) {
                return;
            }
            try {
                checker.accept(value);
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
            }
        }
    }

    /**
     * {@code sitewatch.collectors.retry.*}.
     *
     * @param maxBackoff the longest wait between polls while an endpoint keeps failing retriably (default 2m)
     * @param permanentInterval the wait after a permanent failure such as a rejected token (default 5m)
     */
    public record Retry(
            @DefaultValue("2m") @DurationMin(millis = 50, message = "must be at least 50ms") Duration maxBackoff,
            @DefaultValue("5m") @DurationMin(millis = 50, message = "must be at least 50ms") Duration permanentInterval) {

        public RetryPolicy toPolicy() {
            return new RetryPolicy(maxBackoff, permanentInterval);
        }
    }

    /**
     * {@code sitewatch.collectors.runtime.*}, for every endpoint.
     *
     * @param pushHeartbeatInterval how often a push endpoint (a subscription) sends its heartbeat;
     *     default: its poll interval
     * @param callbackQueueCapacity the most push callbacks waiting for an endpoint's thread; beyond it
     *     they are dropped (counted) and the source resyncs (default 10000)
     * @param outboxCapacity the most HA actions one endpoint keeps while Kafka cannot take them
     *     (default 1000); newer ones are then dropped, counted and logged
     * @param shutdownTimeout the longest the collectors take to stop, Kafka reachable or not (default 8s: keep it
     *     below the container's stop grace, Docker's 10 s); what Kafka has not acknowledged by then is given up
     */
    public record RuntimeOptions(
            @DurationMin(seconds = 1, message = "must be at least 1s") Duration pushHeartbeatInterval,
            @DefaultValue("10000") @Min(value = 1, message = "must be at least 1") int callbackQueueCapacity,
            @DefaultValue("1000") @Min(value = 1, message = "must be at least 1") int outboxCapacity,
            @DefaultValue("8s") @DurationMin(seconds = 1, message = "must be at least 1s") Duration shutdownTimeout) {

        public RuntimeSettings toSettings() {
            return RuntimeSettings.DEFAULT.withPushHeartbeatInterval(pushHeartbeatInterval)
                    .withCallbackQueueCapacity(callbackQueueCapacity).withOutboxCapacity(outboxCapacity)
                    .withShutdownTimeout(shutdownTimeout);
        }
    }
}
