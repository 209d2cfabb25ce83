package org.sitewatch.collectors.spi.settings;

/**
 * An OAuth2 client-credentials identity (Azure service principal and the like): a tenant, a client
 * id and exactly one of a client secret or a client certificate (PEM holding the certificate and
 * its private key).
 *
 * @param tokenUrl the token endpoint; null for the vendor's default
 */
public record OAuth2Client(@Required String tenantId, @Required String clientId, Secret clientSecret,
                           Secret clientCertificate, java.net.URI tokenUrl) {

    public OAuth2Client {
        if ((clientSecret == null) == (clientCertificate == null)) {
            throw new InvalidSettingException("client-secret",
                    "give exactly one of client-secret[-env|-file] and client-certificate[-env|-file]");
        }
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
