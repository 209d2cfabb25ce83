package org.sitewatch.collectors.hyperv.wsman;

import java.util.Objects;

/**
 * How the client logs in to WinRM. Kerberos is not implemented (it needs a KDC and a JAAS/GSS
 * set-up of its own); NTLM covers domain and local accounts, Basic local accounts only (WinRM
 * allows Basic for local accounts, and only once {@code Auth/Basic} is enabled on the service).
 *
 * <p>Neither sends credentials in clear over plain HTTP unless the target allows it explicitly:
 * Basic would expose the password, and NTLM over HTTP needs WinRM's message encryption
 * (NTLM sealing), which this client does not do, so the service must also have
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
}
