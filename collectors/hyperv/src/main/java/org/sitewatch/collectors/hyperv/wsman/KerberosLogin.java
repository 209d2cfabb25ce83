package org.sitewatch.collectors.hyperv.wsman;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.kerberos.KerberosTicket;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * One Kerberos login: the JDK's {@code Krb5LoginModule} run through a {@link Configuration} made
 * here (no JAAS file, no {@code java.security.auth.login.config}), its {@link Subject} kept with the
 * ticket-granting ticket and, as the GSS-API adds them, the service tickets. The login is done
 * lazily and again when the TGT nears its end (5 minutes before, or half-way for short tickets) or
 * when a listener refused a ticket ({@link #forget}); renewing by a new login keeps it simple and
 * works for tickets that are not renewable.
 *
 * <p>The only process-wide change: a configured krb5.conf is set as {@code java.security.krb5.conf},
 * the one way the JDK takes a krb5.conf. It is set once; another path in the same JVM is refused
 * rather than silently breaking the endpoint that set the first.
 *
 * <p>Thread-safe: the nodes of a cluster are read in parallel through one login.
 */
final class KerberosLogin {

    static final String KRB5_CONF_PROPERTY = "java.security.krb5.conf";
    private static final String LOGIN_MODULE = "com.sun.security.auth.module.Krb5LoginModule";
    private static final Duration RENEW_BEFORE_END = Duration.ofMinutes(5);

    private final WsmanAuth.Kerberos auth;
    private final Clock clock;
    private Subject subject;
    private Instant renewAt;

    KerberosLogin(WsmanAuth.Kerberos auth) {
        this(auth, Clock.systemUTC());
    }

    KerberosLogin(WsmanAuth.Kerberos auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
    }

    /**
     * The logged-in subject, logging in first when there is none or its TGT is near its end.
     *
     * @param block the settings key prefix for messages
     * @throws CollectorException classified by {@link KerberosErrors}
     */
    synchronized Subject subject(String block) throws CollectorException {
        if (subject == null || !clock.instant().isBefore(renewAt)) {
            subject = login(block);
        }
        return subject;
    }

    /** Drops {@code stale} (a listener refused a ticket got with it), so the next call logs in again. */
    synchronized void forget(Subject stale) {
        if (subject == stale) {
            subject = null;
        }
    }

    private Subject login(String block) throws CollectorException {
        if (auth.krb5Conf() != null) {
            useKrb5Conf(auth.krb5Conf(), block);
        }
        Subject fresh = new Subject();
        try {
            new LoginContext("sitewatch-winrm", fresh, this::answer, configuration()).login();
        } catch (LoginException e) {
            throw KerberosErrors.login(e, auth, block);
        }
        KerberosTicket tgt = fresh.getPrivateCredentials(KerberosTicket.class).stream()
                .filter(t -> t.getServer().getName().startsWith("krbtgt/")).findFirst().orElse(null);
        if (tgt == null || tgt.getEndTime() == null) {
            throw CollectorException.permanent(CollectorErrorKind.AUTH, "Kerberos login of " + auth.principal()
                    + " gave no ticket-granting ticket", "Check " + block + ".login", null);
        }
        Instant start = tgt.getStartTime() != null ? tgt.getStartTime().toInstant() : clock.instant();
        Instant end = tgt.getEndTime().toInstant();
        Duration half = Duration.between(start, end).dividedBy(2);
        renewAt = end.minus(half.compareTo(RENEW_BEFORE_END) < 0 ? half : RENEW_BEFORE_END);
        return fresh;
    }

    private Configuration configuration() {
        Map<String, String> options = new HashMap<>();
        options.put("principal", auth.principal());
        options.put("isInitiator", "true");
        options.put("useTicketCache", "false");
        options.put("storeKey", "false");
        // Re-read krb5.conf at each login when one is configured: the JDK may have read another (or none) before.
        options.put("refreshKrb5Config", String.valueOf(auth.krb5Conf() != null));
        if (auth.keytab() != null) {
            options.put("useKeyTab", "true");
            options.put("keyTab", auth.keytab().toString());
            options.put("doNotPrompt", "true");
        }
        AppConfigurationEntry[] entries = {new AppConfigurationEntry(LOGIN_MODULE,
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return entries;
            }
        };
    }

    /** Gives the login module the principal and the password; it asks only when no keytab is used. */
    private void answer(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(auth.principal());
            } else if (callback instanceof PasswordCallback password && auth.password() != null) {
                password.setPassword(auth.password().toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    /** Points the JDK at {@code file} unless it already reads another krb5.conf, which is refused. */
    private static synchronized void useKrb5Conf(Path file, String block) throws CollectorException {
        String wanted = file.toAbsolutePath().normalize().toString();
        String current = System.getProperty(KRB5_CONF_PROPERTY);
        if (current == null) {
            System.setProperty(KRB5_CONF_PROPERTY, wanted);
        } else if (!Path.of(current).toAbsolutePath().normalize().toString().equals(wanted)) {
            throw CollectorException.permanent(CollectorErrorKind.CONFIG, block + ".login.krb5-conf: this JVM already "
                    + "reads its Kerberos settings from " + current + " (" + KRB5_CONF_PROPERTY + ", process-wide)",
                    "Use one krb5.conf for every Kerberos endpoint of this collector process (it may list several "
                    + "realms), or leave " + block + ".login.krb5-conf out to use " + current, null);
        }
    }
}
