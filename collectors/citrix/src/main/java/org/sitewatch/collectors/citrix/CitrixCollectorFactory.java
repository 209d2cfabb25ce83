package org.sitewatch.collectors.citrix;

import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.sitewatch.collectors.spi.CollectorContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.CollectorSource;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.http.HttpRemedies;
import org.sitewatch.collectors.spi.http.JsonHttpClient;
import org.sitewatch.collectors.spi.http.TlsContexts;
import org.sitewatch.events.Platform;

/**
 * The Citrix Virtual Apps and Desktops / DaaS plug-in, registered in {@code META-INF/services}. Its
 * endpoint block {@code endpoints[n].citrix.*} binds onto {@link CitrixSettings}, checked at start-up.
 */
public final class CitrixCollectorFactory implements CollectorFactory {

    @Override
    public Platform platform() {
        return Platform.CITRIX;
    }

    @Override
    public Class<CitrixSettings> settingsType() {
        return CitrixSettings.class;
    }

    @Override
    public CollectorSource create(EndpointConfig endpoint, CollectorContext context) throws CollectorException {
        CitrixSettings settings = endpoint.settings(CitrixSettings.class);
        String block = endpoint.vendor().key();
        SSLContext tls = TlsContexts.create(settings.caFile(), settings.insecureSkipTlsVerify(), block + ".ca-file");
        MonitorTransport transport = settings.mode() == CitrixSettings.Mode.CLOUD
                ? cloud(endpoint, settings, tls, context, block)
                : new NtlmTransport(settings.dataRoot(), settings.domain(), settings.username(),
                        settings.password().reveal(), tls, endpoint.timeout(), settings.maxResponseBytes(),
                        block + ".max-response-bytes", remedies(block, settings.mode()), context.clock());
        return new CitrixCollector(endpoint, settings,
                new MonitorClient(transport, throttleWait(endpoint, settings), settings.maxPages(), d -> Thread.sleep(d.toMillis())),
                context.clock());
    }

    private static MonitorTransport cloud(EndpointConfig endpoint, CitrixSettings settings, SSLContext tls,
                                          CollectorContext context, String block) {
        CloudTokens tokens = new CloudTokens(settings.tokenUrl(), settings.clientId(), settings.clientSecret(), tls,
                endpoint.timeout(), context.clock(), block);
        return new CloudTransport(tokens, token -> CloudTransport.withHeaders(odata(endpoint, settings, tls, block),
                token, settings.customerId()).build());
    }

    /** The OData client of an endpoint, before its login headers. */
    static JsonHttpClient.Builder odata(EndpointConfig endpoint, CitrixSettings settings, SSLContext tls, String block) {
        URI root = settings.dataRoot();
        return JsonHttpClient.builder(root).timeout(endpoint.timeout()).sslContext(tls)
                .maxResponseBytes(settings.maxResponseBytes(), block + ".max-response-bytes")
                .remedies(remedies(block, settings.mode()));
    }

    static HttpRemedies remedies(String block, CitrixSettings.Mode mode) {
        boolean cloud = mode == CitrixSettings.Mode.CLOUD;
        return new HttpRemedies(
                cloud ? "Check " + block + ".client-id, client-secret and customer-id: the API client must belong to "
                        + "that customer and be unexpired"
                        : "Check " + block + ".domain, username and password: a Windows account the Monitor Service "
                        + "accepts over NTLM",
                cloud ? "Give the API client read access to Monitor data (a Full or Read Only administrator of DaaS)"
                        : "Make the account a Citrix administrator with at least read-only (Director) rights on the site",
                "Check " + block + ".url: " + (cloud ? "the Citrix Cloud API gateway, e.g. https://api-eu.cloud.com "
                        + "(the collector adds " + CitrixSettings.CLOUD_DATA_PATH + ")"
                        : "the Delivery Controller running the Monitor Service, e.g. https://ddc01.corp.example (the "
                        + "collector adds " + CitrixSettings.ON_PREM_DATA_PATH + ")"),
                HttpRemedies.tlsRemedy(block + ".ca-file", ""));
    }

    /**
     * The longest Retry-After waited for inside a poll: max-throttle-wait, but never more than half the
     * poll's deadline, so a throttled poll still ends as throttled (its Retry-After kept for the back-off)
     * instead of being cut off by the deadline as a time-out.
     */
    static Duration throttleWait(EndpointConfig endpoint, CitrixSettings settings) {
        Duration half = endpoint.effectivePollDeadline().dividedBy(2);
        return settings.maxThrottleWait().compareTo(half) > 0 ? half : settings.maxThrottleWait();
    }
}
