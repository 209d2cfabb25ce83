package org.sitewatch.collectors.spi.settings;

import java.nio.file.Path;

/**
 * A Windows domain login for WinRM/WMI vendors (Hyper-V), by Kerberos or NTLM.
 *
 * @param domain the AD domain or realm, e.g. {@code CORP.EXAMPLE}
 * @param keytabFile Kerberos only: a keytab file holding the account's keys, instead of the password
 * @param servicePrincipal Kerberos only: the host's service principal when it is not the vendor's
 *     default (WinRM: {@code HTTP/<host of the url>}), e.g. {@code HTTP/hv-a1.corp.example}
 * @param krb5Conf Kerberos only: the krb5.conf to use instead of the JVM's default
 */
public record WindowsLogin(@Required String domain, @Required String username, Secret password, Path keytabFile,
                           Mechanism mechanism, String servicePrincipal, Path krb5Conf) {

    /** How the login is negotiated. */
    public enum Mechanism { KERBEROS, NTLM }

    public WindowsLogin {
        mechanism = mechanism == null ? Mechanism.KERBEROS : mechanism;
        if (password == null && keytabFile == null) {
            throw new InvalidSettingException("password", "is required (or keytab-file for Kerberos)");
        }
        if (password != null && keytabFile != null) {
            throw new InvalidSettingException("keytab-file", "give either password or keytab-file, not both");
        }
        if (mechanism == Mechanism.NTLM) {
            String kerberosOnly = keytabFile != null ? "keytab-file" : servicePrincipal != null ? "service-principal"
                    : krb5Conf != null ? "krb5-conf" : null;
            if (kerberosOnly != null) {
                throw new InvalidSettingException(kerberosOnly, "works only with mechanism kerberos");
            }
        }
    }

    /** A login with a password and none of the Kerberos-only keys. */
    public WindowsLogin(String domain, String username, Secret password, Mechanism mechanism) {
        this(domain, username, password, null, mechanism, null, null);
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
