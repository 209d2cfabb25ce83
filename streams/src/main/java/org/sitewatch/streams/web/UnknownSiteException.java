package org.sitewatch.streams.web;

/** No site of that name has been seen. */
public class UnknownSiteException extends RuntimeException {

    public UnknownSiteException(String site) {
        super("unknown site '" + site + "': no event has been seen for it");
    }
}
