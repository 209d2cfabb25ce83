package org.sitewatch.collectors.spi.settings;

/**
 * A Windows domain login for WinRM/WMI vendors (Hyper-V), by Kerberos or NTLM.
 *
 * @param domain the AD domain or realm, e.g. {@code CORP.EXAMPLE}
 * @param keytab Kerberos only: a keytab instead of the password; null to use the password
 */
public record WindowsLogin(@Required String domain, @Required String username, Secret password, Secret keytab,
                           Mechanism mechanism) {

    /** How the login is negotiated. */
    public enum Mechanism { KERBEROS, NTLM }

    public WindowsLogin {
        mechanism = mechanism == null ? Mechanism.KERBEROS : mechanism;
        if (password == null && keytab == null) {
            throw new InvalidSettingException("password", "is required (or keytab-file for Kerberos)");
        }
        if (keytab != null && mechanism == Mechanism.NTLM) {
            throw new InvalidSettingException("keytab", "works only with mechanism kerberos");
        }
    }
}
