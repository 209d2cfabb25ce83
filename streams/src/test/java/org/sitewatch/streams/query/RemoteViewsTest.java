package org.sitewatch.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.Json;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A forwarded query carries the caller's credentials to the other instance, which checks them itself. */
class RemoteViewsTest {

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer peer;

    @BeforeEach
    void startPeer() throws Exception {
        peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/api/sites", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"total\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        peer.start();
    }

    @AfterEach
    void stopPeer() {
        peer.stop(0);
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void shouldForwardTheCallersAuthorizationAndNothingWithoutOne() {
        RemoteViews remote = new RemoteViews(Duration.ofSeconds(5));
        Target target = new Target("127.0.0.1", peer.getAddress().getPort(), false);
        MockHttpServletRequest caller = new MockHttpServletRequest();
        caller.addHeader("Authorization", "Bearer viewer-token");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(caller));

        JsonNode answer = remote.get(target, "/api/sites?local=true", Json.MAPPER.constructType(JsonNode.class));
        RequestContextHolder.resetRequestAttributes();
        remote.get(target, "/api/sites?local=true", Json.MAPPER.constructType(JsonNode.class));

        assertThat(answer.path("total").asInt()).isEqualTo(1);
        assertThat(authorizations).containsExactly("Bearer viewer-token", "null");
    }
}
