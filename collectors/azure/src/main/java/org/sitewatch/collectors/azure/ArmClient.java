package org.sitewatch.collectors.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Azure Resource Manager GETs over the SDK's pipeline (bearer token, retries, JDK transport): one
 * resource, or a list followed over its {@code nextLink} pages with the SDK's {@link PagedIterable}.
 * Answers are kept as JSON trees: ASR types its states as free strings and its provider details are
 * polymorphic, so the mapping reads fields by name and keeps unknown words.
 */
final class ArmClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpPipeline pipeline;
    private final String root;

    /** @param resourceManager the ARM root, e.g. {@code https://management.azure.com/} */
    ArmClient(HttpPipeline pipeline, URI resourceManager) {
        this.pipeline = pipeline;
        String r = resourceManager.toString();
        this.root = r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
    }

    /** The items of a list and whether more pages were left unread. */
    record Listing(List<JsonNode> items, boolean truncated) {
    }

    /**
     * GET of one resource.
     *
     * @param pathAndQuery from {@code /subscriptions/...}, with its {@code api-version}
     * @throws ArmCallException on an error status; the SDK's own exceptions on transport or token failures
     */
    JsonNode get(String pathAndQuery) {
        return call(root + pathAndQuery);
    }

    /**
     * A list's {@code value[]} items over at most {@code maxPages} pages.
     *
     * @throws ArmCallException on an error status of any page
     */
    Listing list(String pathAndQuery, int maxPages) {
        PagedIterable<JsonNode> pages = new PagedIterable<>(() -> page(root + pathAndQuery), this::page);
        List<JsonNode> items = new ArrayList<>();
        int read = 0;
        for (PagedResponse<JsonNode> page : pages.iterableByPage()) {
            page.getElements().forEach(items::add);
            read++;
            if (read == maxPages) {
                return new Listing(items, page.getContinuationToken() != null);
            }
        }
        return new Listing(items, false);
    }

    private PagedResponse<JsonNode> page(String url) {
        if (!url.regionMatches(true, 0, root + "/", 0, root.length() + 1)) {
            // The pipeline adds the bearer token to every request: never follow a link off ARM.
            throw new ArmCallException(URI.create(url).getRawPath(), 200, "MalformedAnswer",
                    "nextLink " + URI.create(url).getHost() + " is not below " + root + "; not followed", null);
        }
        JsonNode body = call(url);
        List<JsonNode> items = new ArrayList<>();
        body.path("value").forEach(items::add);
        JsonNode next = body.get("nextLink");
        String nextLink = next == null || next.isNull() || next.asText().isBlank() ? null : next.asText();
        return new PagedResponseBase<Void, JsonNode>(null, 200, null, items, nextLink, null);
    }

    private JsonNode call(String url) {
        String path = URI.create(url).getRawPath();
        try (HttpResponse response = pipeline.sendSync(new HttpRequest(HttpMethod.GET, url), Context.NONE)) {
            byte[] bytes = response.getBodyAsBinaryData().toBytes();
            if (response.getStatusCode() >= 400) {
                JsonNode error = parseOrNull(bytes).path("error");
                throw new ArmCallException(path, response.getStatusCode(), text(error, "code"), text(error, "message"),
                        RetryAfter.of(response));
            }
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new ArmCallException(path, response.getStatusCode(), "MalformedAnswer",
                        "the answer is not JSON: " + e.getMessage(), null);
            }
        }
    }

    private static JsonNode parseOrNull(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
