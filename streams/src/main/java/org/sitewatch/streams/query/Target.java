package org.sitewatch.streams.query;

/**
 * A streams instance that can answer a query: this one ({@code local}) or another, reached over HTTP
 * at its advertised {@code host:port} (the Streams {@code application.server}).
 */
public record Target(String host, int port, boolean local) {

    public static final Target LOCAL = new Target("local", -1, true);

    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    @Override
    public String toString() {
        return local ? "this instance" : host + ":" + port;
    }
}
