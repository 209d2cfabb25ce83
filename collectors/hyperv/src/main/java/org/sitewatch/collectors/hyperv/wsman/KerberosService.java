package org.sitewatch.collectors.hyperv.wsman;

/**
 * A service name for the GSS-API: a Kerberos principal ({@code HTTP/host}, optionally with
 * {@code @REALM}) or a host-based service ({@code HTTP@host}, whose realm krb5.conf decides).
 */
record KerberosService(String name, boolean hostBased) {

    /** As Kerberos and {@code setspn} write it, for messages: {@code HTTP/host}. */
    String spn() {
        return hostBased ? name.replaceFirst("@", "/") : name;
    }
}
