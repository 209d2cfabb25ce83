package org.sitewatch.streams.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds the query string of a forwarded request; null values are left out. */
final class QueryString {

    private final StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");

    QueryString add(String name, Object value) {
        if (value != null) {
            joiner.add(name + "=" + encode(value.toString()));
        }
        return this;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return joiner.toString();
    }
}
