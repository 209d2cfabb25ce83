package org.sitewatch.alerting.delivery;

import java.net.URI;

/**
 * How a target's URL is shown in logs, delivery errors and {@code toString()}: a webhook URL may
 * carry a token in its query ({@code ?token=...}) and an Alertmanager URL user info
 * ({@code https://user:pass@am:9093}). Both are masked; scheme, host, port and path stay, so the
 * message still says which receiver failed.
 */
public final class SafeUrls {

    static final String MASK = "******";

    private SafeUrls() {
    }

    /** The URL without its user info, query and fragment values; null stays null. */
    public static String show(URI url) {
        if (url == null) {
            return null;
        }
        if (url.isOpaque()) {
            // mailto:user@host?x=y and the like: no parts to keep apart, so nothing but the scheme is shown.
            return url.getScheme() + ":" + MASK;
        }
        if (url.getRawUserInfo() == null && url.getRawQuery() == null && url.getRawFragment() == null) {
            return url.toString();
        }
        if (url.getHost() == null) {
            return (url.getScheme() == null ? "" : url.getScheme() + ":") + MASK;
        }
        return url.getScheme() + "://" + (url.getRawUserInfo() == null ? "" : MASK + "@") + url.getHost()
                + (url.getPort() == -1 ? "" : ":" + url.getPort()) + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + MASK) + (url.getRawFragment() == null ? "" : "#" + MASK);
    }

    /**
     * {@code text} (an exception's message) with every copy of the URL, its raw user info and raw
     * query replaced by their masked forms, for messages that quote the request.
     */
    public static String scrub(String text, URI url) {
        if (text == null || url == null) {
            return text;
        }
        String out = text.replace(url.toString(), show(url));
        if (url.getRawUserInfo() != null) {
            out = out.replace(url.getRawUserInfo(), MASK);
        }
        if (url.getRawQuery() != null) {
            out = out.replace(url.getRawQuery(), MASK);
        }
        return out;
    }
}
