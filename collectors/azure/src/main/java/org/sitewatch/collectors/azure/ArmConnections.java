package org.sitewatch.collectors.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.FixedDelay;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.identity.ClientSecretCredentialBuilder;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.http.TlsContexts;

/**
 * Builds the SDK objects one endpoint reads ARM with: a client-secret credential of azure-identity
 * (which requests, caches and renews tokens itself) pointed at the configured authority, and a
 * pipeline that retries (honouring {@code Retry-After}) and adds the bearer token, both over the
 * JDK transport with the endpoint's TLS context.
 */
final class ArmConnections {

    /** Retries after the first try: 429, 5xx and I/O failures. */
    static final int MAX_RETRIES = 2;
    private static final Duration BASE_DELAY = Duration.ofMillis(200);

    private ArmConnections() {
    }

    static ArmClient open(EndpointConfig endpoint, AzureSettings settings) throws CollectorException {
        String block = endpoint.vendor().key();
        SSLContext tls = TlsContexts.create(settings.caFile(), settings.insecureSkipTlsVerify(), block + ".ca-file");
        HttpClient transport = new JdkHttpTransport(tls, endpoint.timeout(), settings.maxResponseBytes(),
                block + ".max-response-bytes");
        ClientSecretCredentialBuilder credential = new ClientSecretCredentialBuilder()
                .tenantId(settings.tenantId())
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret().reveal())
                .authorityHost(settings.authorityHost().toString())
                .httpClient(transport)
                // Token requests are retried by the ARM pipeline's retry policy, which asks for the token
                // again on each try; retrying inside the credential as well multiplied the tries (3 × 3 plus
                // MSAL's own) past the poll's deadline, so a 5xx ended as a time-out.
                .retryPolicy(new RetryPolicy(new FixedDelay(0, Duration.ZERO)));
        if (!settings.publicAuthority()) {
            // MSAL would ask the public cloud whether a custom authority is a known instance.
            credential.disableInstanceDiscovery();
        }
        TokenCredential tokens = credential.build();
        HttpPipeline pipeline = new HttpPipelineBuilder()
                .httpClient(transport)
                .policies(retries(endpoint),
                        new BearerTokenAuthenticationPolicy(tokens, settings.tokenScope()))
                .build();
        return new ArmClient(pipeline, settings.resourceManagerEndpoint());
    }

    /**
     * The same bounded retries for token and ARM requests, so a poll keeps its deadline: a
     * Retry-After longer than a request time-out is not waited for, a TLS failure not retried.
     */
    private static RetryPolicy retries(EndpointConfig endpoint) {
        return new RetryPolicy(new ArmRetryStrategy(MAX_RETRIES, BASE_DELAY, endpoint.timeout()));
    }
}
