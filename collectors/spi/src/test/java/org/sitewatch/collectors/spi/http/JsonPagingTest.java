package org.sitewatch.collectors.spi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.collectors.spi.http.LocalHttpServer.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/** The three paging styles, read from a server on 127.0.0.1 that serves numbered pages. */
class JsonPagingTest {

    private LocalHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Serves the answers by request path and query; anything else is 404. */
    private JsonHttpClient serving(Map<String, String> pages) {
        server = new LocalHttpServer(exchange -> {
            String body = pages.get(exchange.getRequestURI().toString());
            send(exchange, body == null ? 404 : 200, body == null ? "" : body.replace("ORIGIN", server.origin()));
        });
        return JsonHttpClient.builder(server.base()).build();
    }

    private static List<Integer> numbers(List<JsonNode> items) {
        return items.stream().map(JsonNode::asInt).toList();
    }

    @Test
    void shouldFollowNextLinksGivenAsAbsoluteUrls() throws Exception {
        JsonHttpClient client = serving(Map.of(
                "/api/vms", "{\"value\":[1,2],\"nextLink\":\"ORIGIN/api/vms?skiptoken=a\"}",
                "/api/vms?skiptoken=a", "{\"value\":[3],\"nextLink\":\"ORIGIN/api/vms?skiptoken=b\"}",
                "/api/vms?skiptoken=b", "{\"value\":[4]}"));

        List<JsonNode> items = JsonPaging.followLinks(client::get, "/vms", "value", "nextLink", 10);

        assertThat(numbers(items)).containsExactly(1, 2, 3, 4);
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void shouldFollowODataNextLinks() throws Exception {
        JsonHttpClient client = serving(Map.of(
                "/api/items", "{\"value\":[1],\"@odata.nextLink\":\"ORIGIN/api/items?$skip=1\"}",
                "/api/items?$skip=1", "{\"value\":[2],\"@odata.nextLink\":null}"));

        assertThat(numbers(JsonPaging.odata(client::get, "/items", 10))).containsExactly(1, 2);
    }

    @Test
    void shouldReadOffsetLimitPagesUntilAShortOne() throws Exception {
        JsonHttpClient client = serving(Map.of(
                "/api/vms?offset=0&limit=2", "{\"vm\":[1,2]}",
                "/api/vms?offset=2&limit=2", "{\"vm\":[3,4]}",
                "/api/vms?offset=4&limit=2", "{\"vm\":[5]}"));

        List<JsonNode> items = JsonPaging.offsetLimit(client::get, "/vms", "offset", "limit", 2, a -> a.get("vm"), 10);

        assertThat(numbers(items)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void shouldStopOnALinkThatLoopsBack() {
        JsonHttpClient client = serving(Map.of(
                "/api/vms", "{\"value\":[1],\"nextLink\":\"/vms?p=2\"}",
                "/api/vms?p=2", "{\"value\":[2],\"nextLink\":\"/vms\"}"));

        assertThatThrownBy(() -> JsonPaging.followLinks(client::get, "/vms", "value", "nextLink", 10))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.MALFORMED);
                    assertThat(e.getMessage()).contains("loops back");
                });
    }

    @Test
    void shouldStopAfterTheMostPagesAllowed() {
        JsonHttpClient client = serving(Map.of(
                "/api/vms?offset=0&limit=1", "{\"vm\":[1]}",
                "/api/vms?offset=1&limit=1", "{\"vm\":[2]}",
                "/api/vms?offset=2&limit=1", "{\"vm\":[3]}"));

        assertThatThrownBy(() -> JsonPaging.offsetLimit(client::get, "/vms", "offset", "limit", 1, a -> a.get("vm"), 2))
                .isInstanceOfSatisfying(CollectorException.class,
                        e -> assertThat(e.getMessage()).contains("more than 2 pages"));
    }

    @Test
    void shouldRefuseItemsThatAreNotAList() {
        JsonHttpClient client = serving(Map.of("/api/vms", "{\"value\":{\"id\":1}}"));

        assertThatThrownBy(() -> JsonPaging.odata(client::get, "/vms", 10))
                .isInstanceOfSatisfying(CollectorException.class,
                        e -> assertThat(e.kind()).isEqualTo(CollectorErrorKind.MALFORMED));
    }
}
