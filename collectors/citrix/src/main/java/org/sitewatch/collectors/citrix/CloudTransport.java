package org.sitewatch.collectors.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.http.JsonHttpClient;
import org.sitewatch.events.CollectorErrorKind;

/**
 * The Citrix DaaS Monitor Service through the API gateway: every GET carries
 * {@code Authorization: CWSAuth bearer=<token>} and {@code Citrix-CustomerId}. The SPI's
 * {@link JsonHttpClient} sends fixed headers, so one is built per token (about once an hour). A
 * refused token (401/403, AUTH) is renewed once and the GET repeated; refused again, the AUTH
 * failure ends the poll.
 */
final class CloudTransport implements MonitorTransport {

    private final CloudTokens tokens;
    private final Function<String, JsonHttpClient> clientForToken;
    private String clientToken;
    private JsonHttpClient client;

    /** @param clientForToken builds the OData client sending a token's headers */
    CloudTransport(CloudTokens tokens, Function<String, JsonHttpClient> clientForToken) {
        this.tokens = tokens;
        this.clientForToken = clientForToken;
    }

    /** The headers of a Monitor Service call in the cloud, for {@code clientForToken}. */
    static JsonHttpClient.Builder withHeaders(JsonHttpClient.Builder builder, String token, String customerId) {
        return builder.header("Authorization", "CWSAuth bearer=" + token).header("Citrix-CustomerId", customerId);
    }

    @Override
    public synchronized JsonNode get(String pathOrUrl) throws CollectorException {
        try {
            return client(tokens.current()).get(pathOrUrl);
        } catch (CollectorException e) {
            if (e.kind() != CollectorErrorKind.AUTH) {
                throw e;
            }
            return client(tokens.renew()).get(pathOrUrl);
        }
    }

    private JsonHttpClient client(String token) {
        if (!token.equals(clientToken)) {
            client = clientForToken.apply(token);
            clientToken = token;
        }
        return client;
    }
}
