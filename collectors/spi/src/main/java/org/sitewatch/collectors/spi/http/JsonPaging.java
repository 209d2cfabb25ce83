package org.sitewatch.collectors.spi.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Reads every page of a listing, in the three styles REST vendors use: a link to the next page
 * in the answer ({@code nextLink}, Azure Resource Manager), the OData form of it
 * ({@code @odata.nextLink}, Microsoft Graph and OData services), and offset/limit query
 * parameters (oVirt's and many others' {@code ?offset=&limit=}).
 *
 * <p>Every style stops after {@code maxPages} pages or on a link seen before, with a MALFORMED
 * failure: a server that loops must not keep a poll busy forever.
 */
public final class JsonPaging {

    /** Reads one page; usually {@code client::get}, or a wrapper that unwraps a vendor envelope. */
    @FunctionalInterface
    public interface PageReader {
        JsonNode read(String pathOrUrl) throws CollectorException;
    }

    private JsonPaging() {
    }

    /**
     * Follows {@code linkField} links from page to page, collecting the array under {@code itemsField}.
     *
     * @param linkField {@code nextLink}; a missing, null or empty link ends the listing
     */
    public static List<JsonNode> followLinks(PageReader reader, String firstPath, String itemsField, String linkField,
                                             int maxPages) throws CollectorException {
        List<JsonNode> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = firstPath;
        for (int page = 1; next != null; page++) {
            if (page > maxPages || !seen.add(next)) {
                throw tooManyPages(firstPath, page > maxPages ? "more than " + maxPages + " pages" : "a link loops back to "
                        + "a page already read");
            }
            JsonNode answer = reader.read(next);
            addAll(items, answer.get(itemsField), firstPath, itemsField);
            JsonNode link = answer.get(linkField);
            next = link == null || link.isNull() || link.asText().isBlank() ? null : link.asText();
        }
        return items;
    }

    /** {@link #followLinks} with the OData names: items in {@code value}, next page in {@code @odata.nextLink}. */
    public static List<JsonNode> odata(PageReader reader, String firstPath, int maxPages) throws CollectorException {
        return followLinks(reader, firstPath, "value", "@odata.nextLink", maxPages);
    }

    /**
     * Asks {@code path} with {@code offset=0,limit=n}, then {@code offset=n}, ... until a page
     * holds fewer than {@code pageSize} items.
     *
     * @param items where a page's items are in its answer, e.g. {@code answer -> answer.get("vm")}
     */
    public static List<JsonNode> offsetLimit(PageReader reader, String path, String offsetParameter,
                                             String limitParameter, int pageSize, Function<JsonNode, JsonNode> items,
                                             int maxPages) throws CollectorException {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1 but was " + pageSize);
        }
        List<JsonNode> all = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            if (page >= maxPages) {
                throw tooManyPages(path, "more than " + maxPages + " pages");
            }
            JsonNode answer = reader.read(path + separator + offsetParameter + "=" + (long) page * pageSize + "&"
                    + limitParameter + "=" + pageSize);
            int before = all.size();
            addAll(all, items.apply(answer), path, "items");
            if (all.size() - before < pageSize) {
                return all;
            }
        }
    }

    private static void addAll(List<JsonNode> out, JsonNode array, String path, String field) throws CollectorException {
        if (array == null || array.isNull()) {
            return;
        }
        if (!array.isArray()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED,
                    "GET " + path + ": '" + field + "' is not a list but " + array.getNodeType(), null);
        }
        array.forEach(out::add);
    }

    private static CollectorException tooManyPages(String path, String why) {
        return CollectorException.retriable(CollectorErrorKind.MALFORMED, "GET " + path + ": stopped paging, " + why, null);
    }
}
