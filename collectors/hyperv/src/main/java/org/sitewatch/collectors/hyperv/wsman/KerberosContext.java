package org.sitewatch.collectors.hyperv.wsman;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.Subject;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * One GSS-API Kerberos security context from the client's side, for one request: the AP-REQ token
 * for the {@code Authorization} header (the service ticket comes from the login's subject, or the
 * KDC, which the JDK then keeps in the subject), and the check of the listener's AP-REP (mutual
 * authentication) when it sends one. The plain Kerberos mechanism is used, not SPNEGO: the token
 * goes under WinRM's {@code Kerberos} scheme, so no negotiation can fall back to NTLM.
 */
final class KerberosContext implements AutoCloseable {

    private static final Oid KERBEROS_V5 = oid("1.2.840.113554.1.2.2");
    private static final Oid KERBEROS_PRINCIPAL = oid("1.2.840.113554.1.2.2.1");

    private final Subject subject;
    private final GSSContext context;
    private final byte[] token;

    private KerberosContext(Subject subject, GSSContext context, byte[] token) {
        this.subject = subject;
        this.context = context;
        this.token = token;
    }

    /**
     * Starts a context for {@code service} as the subject's principal.
     *
     * @throws CollectorException classified by {@link KerberosErrors#context}
     */
    static KerberosContext start(Subject subject, KerberosService service, WsmanAuth.Kerberos auth, String block)
            throws CollectorException {
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<KerberosContext>) () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSName name = manager.createName(service.name(),
                        service.hostBased() ? GSSName.NT_HOSTBASED_SERVICE : KERBEROS_PRINCIPAL);
                GSSContext context = manager.createContext(name, KERBEROS_V5, null, GSSContext.DEFAULT_LIFETIME);
                try {
                    context.requestMutualAuth(true);
                    context.requestCredDeleg(false);
                    return new KerberosContext(subject, context, context.initSecContext(new byte[0], 0, 0));
                } catch (GSSException e) {
                    context.dispose();
                    throw e;
                }
            });
        } catch (PrivilegedActionException e) {
            throw KerberosErrors.context(e.getException(), auth, service, block);
        }
    }

    /** The AP-REQ, GSS-framed as WinRM's Kerberos scheme takes it. */
    byte[] token() {
        return token.clone();
    }

    /**
     * Checks the listener's answer token (its AP-REP): it proves the listener holds the service's
     * key.
     *
     * @throws CollectorException permanent AUTH when the answer does not check out
     */
    void complete(byte[] reply, String what) throws CollectorException {
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Void>) () -> {
                context.initSecContext(reply, 0, reply.length);
                return null;
            });
        } catch (PrivilegedActionException e) {
            throw CollectorException.permanent(CollectorErrorKind.AUTH, what + ": the listener's Kerberos answer "
                    + "does not prove it holds the service's key (" + e.getException().getMessage() + ")",
                    "Check that the url names the host the service principal belongs to", e.getException());
        }
        if (!context.isEstablished()) {
            throw CollectorException.permanent(CollectorErrorKind.AUTH, what + ": the listener's Kerberos answer "
                    + "did not complete the login", "Check the listener's Kerberos set-up", null);
        }
    }

    @Override
    public void close() {
        try {
            context.dispose();
        } catch (GSSException e) {
            // nothing held that outlives the context
        }
    }

    private static Oid oid(String dotted) {
        try {
            return new Oid(dotted);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
