package org.sitewatch.collectors.vmware.replication;

import org.sitewatch.collectors.spi.http.HttpRemedies;

/** What to do after a DR gateway refused or could not be reached, naming the replication block's keys. */
final class DrRemedies {

    private DrRemedies() {
    }

    /**
     * @param block the replication block's full key
     * @param vcenterLoginKey the vCenter login's full key, used when the block has no login
     * @param product {@code vSphere Replication} or {@code Site Recovery Manager}
     * @param urlKey the block's key of this appliance's URL ({@code url}, {@code srm-url})
     * @param example an example of that URL
     * @param apiRoot the path the client adds to it
     * @param permission what the user must be allowed to see
     */
    static HttpRemedies of(String block, String vcenterLoginKey, String product, String urlKey, String example,
                           String apiRoot, String permission) {
        return new HttpRemedies(
                "Check " + block + ".login (when not set, " + vcenterLoginKey + " is used): " + product + " logs in "
                        + "with a vCenter SSO user, which must exist, be enabled and have an unexpired password.",
                "Give the user of " + block + ".login " + permission + ".",
                "Check " + block + "." + urlKey + ": it must be the " + product + " appliance, e.g. " + example + " ("
                        + apiRoot + " is added).",
                HttpRemedies.tlsRemedy(block + ".ca-file", " (the " + product + " appliance's certificate or its CA)"));
    }
}
