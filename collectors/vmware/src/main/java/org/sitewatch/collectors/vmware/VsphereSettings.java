package org.sitewatch.collectors.vmware;

import java.net.URI;
import java.nio.file.Path;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Required;
import org.sitewatch.collectors.spi.settings.UserPassword;
import org.sitewatch.collectors.vmware.replication.ReplicationSettings;
import org.sitewatch.collectors.vmware.vim25.Vim25Client;

/**
 * An endpoint's vSphere block, {@code sitewatch.collectors.endpoints[n].vsphere.*}: one vCenter.
 *
 * @param url the vCenter, e.g. {@code https://vc1.example.org} (the SOAP API is its {@code /sdk})
 * @param login a read-only vCenter user (the built-in Read-Only role on the root folder is enough);
 *     the password best from {@code login.password-env} or {@code login.password-file}
 * @param caFile PEM file of the CA that signed vCenter's certificate (the VMCA root, downloadable from
 *     {@code https://<vcenter>/certs/download.zip}); null for the JVM's trust store
 * @param insecureSkipTlsVerify accept any certificate (labs only; logged as a warning)
 * @param maxResponseBytes the largest answer read (default 64 MiB: a first read of 10,000 VMs is about 20 MiB)
 * @param replication the vSphere Replication appliance (and SRM) of this vCenter, {@code vsphere.replication.*};
 *     null when the vCenter replicates nothing Sitewatch should watch
 */
public record VsphereSettings(
        @Required(example = "https://vc1.example.org") URI url,
        @Required UserPassword login,
        Path caFile,
        boolean insecureSkipTlsVerify,
        Long maxResponseBytes,
        ReplicationSettings replication) {

    public VsphereSettings {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new InvalidSettingException("url", "must start with https:// (e.g. https://vc1.example.org)");
        }
        if (url.getUserInfo() != null) {
            throw new InvalidSettingException("url", "must not hold a user or password: give them as login.username and "
                    + "login.password-env (or login.password-file)");
        }
        maxResponseBytes = maxResponseBytes == null ? Vim25Client.DEFAULT_MAX_RESPONSE_BYTES : maxResponseBytes;
        if (maxResponseBytes < 1024) {
            throw new InvalidSettingException("max-response-bytes", "must be at least 1024 but was " + maxResponseBytes);
        }
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
