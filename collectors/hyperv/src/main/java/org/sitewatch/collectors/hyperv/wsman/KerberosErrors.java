package org.sitewatch.collectors.hyperv.wsman;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Turns the JDK's Kerberos failures into classified collector errors with what to do next.
 *
 * <p>The JDK's Kerberos classes ({@code sun.security.krb5}) are not exported, so the KDC's error
 * code is read from the message, where the JDK writes it in brackets ("Pre-authentication
 * information was invalid (24)"), RFC 4120 section 7.5.9. A credential problem is a permanent
 * AUTH failure (so CollectorAuthFailed fires); a KDC that does not answer is a retriable CONNECT
 * failure; a krb5.conf without the realm or a clock too far off is permanent CONFIG.
 */
final class KerberosErrors {

    private static final Pattern KDC_CODE = Pattern.compile("\\((\\d{1,3})\\)");

    private KerberosErrors() {
    }

    /** A failed login of {@code auth}'s principal to the KDC. */
    static CollectorException login(Exception e, WsmanAuth.Kerberos auth, String block) {
        String what = "Kerberos login of " + auth.principal() + " failed: " + messages(e);
        String login = block + ".login";
        if (reachedNoKdc(e)) {
            return CollectorException.retriable(CollectorErrorKind.CONNECT, what + " (no KDC of realm "
                    + realm(auth.principal()) + " answered)", e);
        }
        switch (kdcCode(e)) {
            case 24, 31 -> {
                return auth(what + (auth.keytab() != null ? " (the keytab's key is not the account's)" : " (wrong password)"),
                        "Correct " + login + (auth.keytab() != null ? ".keytab-file: export it again (ktpass) after "
                                + "the account's password changed" : ".password"), e);
            }
            case 6 -> {
                return auth(what + " (the KDC knows no such account)", "Check " + login + ".username and "
                        + login + ".domain (the realm, e.g. CORP.EXAMPLE)", e);
            }
            case 18 -> {
                return auth(what + " (the account is disabled or locked out)", "Unlock or enable the account in "
                        + "Active Directory", e);
            }
            case 23 -> {
                return auth(what + " (the password has expired)", "Set a new password for the account and in "
                        + login + ".password", e);
            }
            case 37 -> {
                return CollectorException.permanent(CollectorErrorKind.CONFIG, what + " (this machine's clock is more "
                        + "than the allowed skew, usually 5 minutes, away from the KDC's)", "Synchronise the clock "
                        + "(NTP) with the domain", e);
            }
            default -> {
                // handled below
            }
        }
        String text = messages(e).toLowerCase(Locale.ROOT);
        if (text.contains("cannot locate") || text.contains("cannot get kdc") || text.contains("default realm")) {
            return CollectorException.permanent(CollectorErrorKind.CONFIG, what + " (the krb5.conf in use names no "
                    + "KDC for realm " + realm(auth.principal()) + ")", "Give " + login + ".krb5-conf a krb5.conf "
                    + "whose [realms] lists the domain controllers of " + realm(auth.principal())
                    + ", or add the realm to the JVM's default one (/etc/krb5.conf)", e);
        }
        if (auth.keytab() != null && text.contains("unable to obtain password")) {
            return auth(what + " (keytab " + auth.keytab() + " holds no usable key for " + auth.principal() + ")",
                    "Export the account's keys to " + login + ".keytab-file (ktpass /princ " + auth.principal()
                    + " ...) or check the principal's spelling", e);
        }
        return auth(what, "Check " + login + " (username, domain, password or keytab-file) and krb5-conf", e);
    }

    /** A service ticket for {@code service} could not be had, or the listener's answer did not check out. */
    static CollectorException context(Exception e, WsmanAuth.Kerberos auth, KerberosService service, String block) {
        String what = "Kerberos: no ticket of " + auth.principal() + " for " + service.spn() + ": " + messages(e);
        if (reachedNoKdc(e)) {
            return CollectorException.retriable(CollectorErrorKind.CONNECT, what + " (no KDC answered)", e);
        }
        if (kdcCode(e) == 7) {
            return auth(what + " (the KDC knows no service principal " + service.spn() + ")", "Register it for the "
                    + "host's computer account (setspn -S " + service.spn() + " <host>), or set " + block
                    + ".login.service-principal to the one it has; a url with an IP address or a DNS alias needs "
                    + "one of these", e);
        }
        if (kdcCode(e) == 37) {
            return CollectorException.permanent(CollectorErrorKind.CONFIG, what + " (clock skew)", "Synchronise the "
                    + "clock (NTP) with the domain", e);
        }
        return auth(what, "Check " + block + ".login and the listener's service principal", e);
    }

    private static CollectorException auth(String message, String hint, Exception e) {
        return CollectorException.permanent(CollectorErrorKind.AUTH, message, hint, e);
    }

    /** The KDC error code the JDK put in a message of the chain; -1 when there is none. */
    static int kdcCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = KDC_CODE.matcher(t.getMessage());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return -1;
    }

    /** True when the KDC could not be reached: the JDK gives up with the last socket failure as cause. */
    private static boolean reachedNoKdc(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (out.indexOf(m) < 0) {
                out.append(out.length() == 0 ? "" : "; ").append(m);
            }
        }
        return out.toString();
    }

    private static String realm(String principal) {
        return principal.substring(principal.lastIndexOf('@') + 1);
    }
}
