package org.sitewatch.collectors.spi.http;

/**
 * What an operator should do after each kind of refusal, in the vendor's words (which role a token
 * needs, what the URL looks like). {@link #generic(String, String)} gives vendor-neutral texts
 * naming the endpoint's own keys.
 *
 * @param unauthorized after HTTP 401: the credentials were not accepted
 * @param forbidden after HTTP 403: accepted, but lacking a permission
 * @param wrongUrl after 404 and other 4xx answers
 * @param tls after a TLS handshake or certificate failure; should name the CA file key
 */
public record HttpRemedies(String unauthorized, String forbidden, String wrongUrl, String tls) {

    /**
     * @param block the endpoint's settings key, e.g. {@code sitewatch.collectors.endpoints[0].proxmox}
     * @param caFileKey the key of the CA file setting relative to the block, e.g. {@code ca-file}
     */
    public static HttpRemedies generic(String block, String caFileKey) {
        return new HttpRemedies(
                "Check the credentials in " + block + ": they must belong to an existing, enabled, unexpired account",
                "Give the account of " + block + " read access to this part of the API",
                "Check " + block + ".url: it must be the API root of a supported version",
                tlsRemedy(block + "." + caFileKey, ""));
    }

    /** Keeps the other texts and replaces the TLS one with one naming {@code caFileKey}, with a vendor hint. */
    public static String tlsRemedy(String caFileKey, String vendorHint) {
        return "Set " + caFileKey + " to the PEM of the CA that signed the endpoint's certificate" + vendorHint
                + "; the host name in the URL must match the certificate";
    }
}
