package org.sitewatch.alerting.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMin;
import org.sitewatch.alerting.delivery.Backoff;
import org.sitewatch.alerting.delivery.SafeUrls;
import org.sitewatch.events.MaintenanceWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sitewatch.alerting.*}: where alerts are delivered and how. Validated at start-up; a bad
 * value stops the application with the property's name and the reason. Kafka itself is
 * {@code sitewatch.kafka.*}, shared by every Sitewatch client ({@code KafkaClientSettings}).
 *
 * @param enabled whether this process runs the alert dispatcher, {@code /api/alerts} and {@code /api/maintenance}
 * @param groupId consumer group of the dispatcher (one group = one delivery of each alert)
 * @param externalUrl base URL of Sitewatch's API, prefixed to relative {@code generatorURL}s sent to Alertmanager
 * @param alertmanager the Alertmanager cluster to post to (none: no Alertmanager delivery)
 * @param webhooks signed JSON webhooks
 * @param retry backoff of a failing target
 * @param resolvedRetention how long resolved alerts stay listed (and re-sendable), default 1h
 * @param maintenance maintenance windows declared in configuration (read-only over REST)
 * @param pollInterval longest wait of one dispatcher cycle; also how soon an ended window releases its alerts
 * @param kafkaTimeout bound on the maintenance windows' start-up read, on each Kafka call and write, and on the
 *     stop (not on the rebuild of the delivery state, which has no time cap and logs its progress)
 * @param kafka Kafka client settings for the alerting clients only, applied on top of {@code sitewatch.kafka.properties.*};
 *     delivery guarantees cannot be weakened
 */
@ConfigurationProperties("sitewatch.alerting")
@Validated
public record AlertingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("sitewatch-alert-dispatcher") @NotBlank(message = "must not be blank") String groupId,
        URI externalUrl,
        @Valid @DefaultValue Alertmanager alertmanager,
        @Valid @DefaultValue List<Webhook> webhooks,
        @Valid @DefaultValue Retry retry,
        @DefaultValue("1h") @DurationMin(seconds = 1, message = "must be at least 1s") Duration resolvedRetention,
        @Valid @DefaultValue List<Maintenance> maintenance,
        @DefaultValue("500ms") @DurationMin(millis = 10, message = "must be at least 10ms") Duration pollInterval,
        @DefaultValue("30s") @DurationMin(seconds = 1, message = "must be at least 1s") Duration kafkaTimeout,
        @DefaultValue Map<String, String> kafka) {

    public AlertingProperties {
        if (externalUrl != null && !isHttp(externalUrl)) {
            throw new IllegalArgumentException("sitewatch.alerting.external-url must be an absolute http(s) URL, got "
                    + SafeUrls.show(externalUrl));
        }
        if (alertmanager != null && resolvedRetention != null
                && alertmanager.resolvedResendFor().compareTo(resolvedRetention) > 0) {
            throw new IllegalArgumentException("sitewatch.alerting.alertmanager.resolved-resend-for ("
                    + alertmanager.resolvedResendFor() + ") cannot be longer than sitewatch.alerting.resolved-retention ("
                    + resolvedRetention + "): resolved alerts are forgotten after the retention");
        }
        Set<String> names = new HashSet<>(Set.of("alertmanager"));
        for (int i = 0; webhooks != null && i < webhooks.size(); i++) {
            if (!names.add(webhookName(webhooks.get(i), i))) {
                throw new IllegalArgumentException("sitewatch.alerting.webhooks[" + i + "].name '" + webhookName(webhooks.get(i), i)
                        + "' is used twice (names label the delivery metrics; 'alertmanager' is taken)");
            }
        }
    }

    /** Kafka client settings may hold a JAAS line or key store passwords: only their names are shown. */
    @Override
    public String toString() {
        return "AlertingProperties[enabled=" + enabled + ", groupId=" + groupId + ", externalUrl=" + SafeUrls.show(externalUrl)
                + ", alertmanager=" + alertmanager + ", webhooks=" + webhooks + ", retry=" + retry + ", resolvedRetention="
                + resolvedRetention + ", maintenance=" + maintenance + ", pollInterval=" + pollInterval + ", kafkaTimeout="
                + kafkaTimeout + ", kafka=" + (kafka == null ? null : kafka.keySet()) + "]";
    }

    /** The webhook's name, or {@code webhook-<index>}. */
    public static String webhookName(Webhook w, int index) {
        return w.name() == null || w.name().isBlank() ? "webhook-" + index : w.name();
    }

    /** Windows of {@code maintenance[n]}, with {@code config-<n>} as the id when none is given. */
    public List<MaintenanceWindow> maintenanceWindows() {
        List<MaintenanceWindow> out = new ArrayList<>();
        for (int i = 0; i < maintenance.size(); i++) {
            out.add(maintenance.get(i).toWindow("config-" + i));
        }
        return out;
    }

    static boolean isHttp(URI u) {
        return u.isAbsolute() && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                && u.getHost() != null;
    }

    /**
     * {@code sitewatch.alerting.alertmanager.*}.
     *
     * @param urls base URLs of the Alertmanagers of one cluster (each gets every alert), e.g. {@code http://am:9093}
     * @param resendInterval how often active alerts are re-sent (default 1m); firing ones get endsAt = now + 4 × this
     * @param resolvedResendFor how long resolved alerts keep being re-sent (default 15m, as Prometheus)
     * @param timeout connect and request timeout (default 10s)
     */
    public record Alertmanager(
            @DefaultValue List<URI> urls,
            @DefaultValue("1m") @DurationMin(millis = 100, message = "must be at least 100ms") Duration resendInterval,
            @DefaultValue("15m") @DurationMin(seconds = 0, message = "must not be negative") Duration resolvedResendFor,
            @DefaultValue("10s") @DurationMin(millis = 100, message = "must be at least 100ms") Duration timeout) {

        public Alertmanager {
            for (URI u : urls == null ? List.<URI>of() : urls) {
                if (!isHttp(u)) {
                    throw new IllegalArgumentException("sitewatch.alerting.alertmanager.urls: '" + SafeUrls.show(u)
                            + "' is not an absolute http(s) URL such as http://alertmanager:9093");
                }
            }
        }

        /** Alertmanager URLs may carry user info: shown masked. */
        @Override
        public String toString() {
            return "Alertmanager[urls=" + (urls == null ? null : urls.stream().map(SafeUrls::show).toList())
                    + ", resendInterval=" + resendInterval + ", resolvedResendFor=" + resolvedResendFor + ", timeout="
                    + timeout + "]";
        }
    }

    /**
     * {@code sitewatch.alerting.webhooks[n].*}.
     *
     * @param name label of its metrics, default {@code webhook-<n>}
     * @param url where to POST
     * @param secret HMAC-SHA256 key of the {@code X-Sitewatch-Signature} header (at least 16 characters)
     * @param timeout connect and request timeout (default 10s)
     */
    public record Webhook(
            String name,
            @NotNull(message = "is required, e.g. https://hooks.example.org/sitewatch") URI url,
            @NotBlank(message = "is required: receivers verify the HMAC signature with it") String secret,
            @DefaultValue("10s") @DurationMin(millis = 100, message = "must be at least 100ms") Duration timeout) {

        public Webhook {
            if (url != null && !isHttp(url)) {
                throw new IllegalArgumentException("sitewatch.alerting.webhooks[].url: '" + SafeUrls.show(url)
                        + "' is not an absolute http(s) URL");
            }
            if (name != null && !name.isBlank() && !MaintenanceWindow.ID_PATTERN.matcher(name).matches()) {
                throw new IllegalArgumentException("sitewatch.alerting.webhooks[].name '" + name
                        + "' must be letters, digits, '.', '_' or '-' (at most 64)");
            }
            if (secret != null && !secret.isBlank() && secret.length() < 16) {
                throw new IllegalArgumentException("sitewatch.alerting.webhooks[].secret is too short: use at least 16 characters");
            }
        }

        @Override
        public String toString() {
            // The secret stays out of logs and failure analyses, and so does a token in the URL.
            return "Webhook[name=" + name + ", url=" + SafeUrls.show(url) + ", timeout=" + timeout + "]";
        }
    }

    /**
     * {@code sitewatch.alerting.retry.*}: a failing target is retried after 1s, 2s, 4s ... up to
     * {@code max-backoff}; after {@code max-attempts} failures in a row it is logged at ERROR and retries continue
     * every max-backoff (only this target waits; nothing is skipped).
     */
    public record Retry(
            @DefaultValue("5") @Min(value = 1, message = "must be at least 1") int maxAttempts,
            @DefaultValue("1s") @DurationMin(millis = 10, message = "must be at least 10ms") Duration initialBackoff,
            @DefaultValue("30s") @DurationMin(millis = 10, message = "must be at least 10ms") Duration maxBackoff) {

        public Retry {
            if (initialBackoff != null && maxBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("sitewatch.alerting.retry.max-backoff (" + maxBackoff
                        + ") must not be shorter than initial-backoff (" + initialBackoff + ")");
            }
        }

        public Backoff toBackoff() {
            return new Backoff(maxAttempts, initialBackoff, maxBackoff);
        }
    }

    /**
     * {@code sitewatch.alerting.maintenance[n].*}: at least one of site, cluster, host, item, vm;
     * {@code starts-at} (default: always) and {@code ends-at} as ISO-8601 instants.
     */
    public record Maintenance(String id, String site, String cluster, String host, String item, String vm,
                              Instant startsAt,
                              @NotNull(message = "is required, e.g. 2026-12-01T06:00:00Z") Instant endsAt,
                              String reason, String createdBy) {

        public Maintenance {
            if (endsAt != null) {
                // Builds the window once so a wrong one stops the start-up with its reason.
                toWindow(id == null || id.isBlank() ? "config" : id, site, cluster, host, item, vm, startsAt, endsAt,
                        reason, createdBy);
            }
        }

        MaintenanceWindow toWindow(String defaultId) {
            return toWindow(id == null || id.isBlank() ? defaultId : id, site, cluster, host, item, vm, startsAt, endsAt,
                    reason, createdBy == null ? "config" : createdBy);
        }

        private static MaintenanceWindow toWindow(String id, String site, String cluster, String host, String item,
                                                  String vm, Instant startsAt, Instant endsAt, String reason,
                                                  String createdBy) {
            return new MaintenanceWindow(id, site, cluster, host, item, vm, startsAt == null ? Instant.EPOCH : startsAt,
                    endsAt, reason, createdBy);
        }
    }
}
