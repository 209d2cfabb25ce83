package org.sitewatch.simulator.hyperv;

import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.Oid;

/**
 * The listener's side of a Kerberos login, as a Windows host's WinRM service does it with its
 * computer account's keys: a GSS-API acceptor holding the service's keys from a keytab. It takes
 * the plain Kerberos mechanism (WinRM's {@code Kerberos} scheme) and SPNEGO ({@code Negotiate})
 * alike, and returns the AP-REP for the client's mutual authentication. No KDC is contacted: a
 * ticket proves itself with the service key.
 *
 * <p>The keys are read once, at the first login ({@code Krb5LoginModule} as acceptor, through a
 * {@link Configuration} made here); thread-safe.
 */
final class KerberosAcceptor {

    private static final Oid KERBEROS_V5 = oid("1.2.840.113554.1.2.2");
    private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");

    private final Path keytab;
    private final String principal;
    private volatile Subject service;

    /**
     * @param keytab the service's keytab
     * @param principal the service principal to take from it, with its realm, e.g. {@code HTTP/localhost@PARIS.EXAMPLE}
     */
    KerberosAcceptor(Path keytab, String principal) {
        this.keytab = keytab;
        this.principal = principal;
    }

    /** A login the acceptor took: who logged in, and the token to send back (empty when there is none). */
    record Accepted(String client, byte[] reply) {
    }

    /**
     * @param token the client's token from the {@code Authorization} header
     * @return the accepted login; null when the token does not prove a login to this service
     *     (a ticket for another service or with another key, a replay, garbage)
     */
    Accepted accept(byte[] token) {
        try {
            return Subject.doAs(subject(), (PrivilegedExceptionAction<Accepted>) () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSCredential keys = manager.createCredential(null, GSSCredential.INDEFINITE_LIFETIME,
                        new Oid[] {KERBEROS_V5, SPNEGO}, GSSCredential.ACCEPT_ONLY);
                GSSContext context = manager.createContext(keys);
                try {
                    byte[] reply = context.acceptSecContext(token, 0, token.length);
                    if (!context.isEstablished()) {
                        return null; // this listener does not go on to a second round
                    }
                    return new Accepted(context.getSrcName().toString(), reply == null ? new byte[0] : reply);
                } finally {
                    context.dispose();
                }
            });
        } catch (PrivilegedActionException e) {
            if (e.getException() instanceof GSSException) {
                return null;
            }
            throw new IllegalStateException("the Kerberos acceptor failed", e.getException());
        }
    }

    private Subject subject() {
        Subject current = service;
        if (current == null) {
            synchronized (this) {
                if (service == null) {
                    service = login();
                }
                current = service;
            }
        }
        return current;
    }

    private Subject login() {
        Map<String, String> options = Map.of("useKeyTab", "true", "keyTab", keytab.toString(), "principal", principal,
                "storeKey", "true", "isInitiator", "false", "doNotPrompt", "true", "useTicketCache", "false");
        AppConfigurationEntry[] entries = {new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
        Subject subject = new Subject();
        try {
            new LoginContext("simulated-winrm", subject, callbacks -> {
                throw new javax.security.auth.callback.UnsupportedCallbackException(callbacks[0]);
            }, new Configuration() {
                @Override
                public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                    return entries;
                }
            }).login();
        } catch (LoginException e) {
            throw new IllegalStateException("the simulated listener cannot read the keys of " + principal + " from "
                    + keytab + ": " + e.getMessage(), e);
        }
        return subject;
    }

    private static Oid oid(String dotted) {
        try {
            return new Oid(dotted);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
