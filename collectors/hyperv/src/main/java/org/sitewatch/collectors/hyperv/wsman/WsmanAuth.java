package org.sitewatch.collectors.hyperv.wsman;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How the client logs in to WinRM. Kerberos and NTLM cover domain accounts (NTLM local ones too),
 * Basic local accounts only (WinRM allows Basic for local accounts, and only once
 * {@code Auth/Basic} is enabled on the service).
 *
 * <p>None is used over plain HTTP unless the target allows it explicitly: Basic would expose the
 * password, and Kerberos or NTLM over HTTP need WinRM's message encryption (sealing with the
 * security context's key), which this client does not do, so the service must also have
 * {@code AllowUnencrypted=true}. Use the HTTPS listener (5986).
 */
public sealed interface WsmanAuth {

    /** HTTP Basic with a local account of the host. */
    record Basic(String user, String password) implements WsmanAuth {
        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Basic[user=" + user + "]";
        }
    }

    /**
     * NTLMv2 inside HTTP {@code Negotiate} (WinRM offers Negotiate and Kerberos by default, not a
     * bare NTLM scheme; its Negotiate package accepts raw NTLM tokens).
     *
     * @param domain the NetBIOS or DNS domain; the host name (or {@code .}) for a local account
     * @param workstation the name this client gives in AUTHENTICATE; may be empty
     */
    record Ntlm(String domain, String user, String password, String workstation) implements WsmanAuth {
        public Ntlm {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            workstation = workstation == null ? "" : workstation;
        }

        @Override
        public String toString() {
            return "Ntlm[" + domain + "\\" + user + "]";
        }
    }

    /**
     * Kerberos through the JDK's GSS-API: a ticket-granting ticket from the account's password or
     * keytab, then a service ticket for the listener, sent as {@code Authorization: Kerberos <AP-REQ>}.
     * One instance holds one login (its {@code Subject} with the TGT and the service tickets got
     * with it), so every listener a collector reads through the same instance shares it; see
     * {@link KerberosLogin}.
     */
    final class Kerberos implements WsmanAuth {

        private final String principal;
        private final String password;
        private final Path keytab;
        private final String servicePrincipal;
        private final Path krb5Conf;
        private final KerberosLogin login;

        /**
         * @param principal the account, {@code user@REALM} (the realm as krb5.conf spells it, for AD
         *     the DNS domain in capitals)
         * @param password its password; null when {@code keytab} is given
         * @param keytab a keytab file with the account's keys; null when {@code password} is given
         * @param servicePrincipal the listener's service principal, e.g. {@code HTTP/hv-a1.corp.example}
         *     (optionally {@code @REALM}); null for {@code HTTP/<host of the url>}
         * @param krb5Conf the krb5.conf to read; null for the JVM's default
         */
        public Kerberos(String principal, String password, Path keytab, String servicePrincipal, Path krb5Conf) {
            Objects.requireNonNull(principal, "principal");
            int at = principal.lastIndexOf('@');
            if (at <= 0 || at == principal.length() - 1) {
                throw new IllegalArgumentException("a Kerberos principal must be user@REALM, but was " + principal);
            }
            if ((password == null) == (keytab == null)) {
                throw new IllegalArgumentException("give a password or a keytab for " + principal + ", not "
                        + (password == null ? "neither" : "both"));
            }
            if (servicePrincipal != null && (servicePrincipal.isBlank() || !servicePrincipal.contains("/"))) {
                throw new IllegalArgumentException("a service principal must look like HTTP/<host>, but was '"
                        + servicePrincipal + "'");
            }
            this.principal = principal;
            this.password = password;
            this.keytab = keytab;
            this.servicePrincipal = servicePrincipal;
            this.krb5Conf = krb5Conf;
            this.login = new KerberosLogin(this);
        }

        public String principal() {
            return principal;
        }

        /** The password, or null when the keys come from {@link #keytab()}. */
        String password() {
            return password;
        }

        public Path keytab() {
            return keytab;
        }

        /** The configured service principal; null when it follows the listener's host. */
        public String servicePrincipal() {
            return servicePrincipal;
        }

        public Path krb5Conf() {
            return krb5Conf;
        }

        KerberosLogin login() {
            return login;
        }

        /**
         * The service a listener is asked for: the configured principal, else WinRM's
         * {@code HTTP/<host>} as a GSS host-based service ({@code HTTP@host}; the realm follows
         * krb5.conf's {@code domain_realm}, else its default realm).
         */
        KerberosService service(URI listener) {
            return servicePrincipal != null ? new KerberosService(servicePrincipal, false)
                    : new KerberosService("HTTP@" + listener.getHost().toLowerCase(Locale.ROOT), true);
        }

        @Override
        public String toString() {
            return "Kerberos[" + principal + (keytab != null ? ", keytab " + keytab : "")
                    + (servicePrincipal != null ? ", service " + servicePrincipal : "") + "]";
        }
    }
}
