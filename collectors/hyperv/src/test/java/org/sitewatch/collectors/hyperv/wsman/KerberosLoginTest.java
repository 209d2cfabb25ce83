package org.sitewatch.collectors.hyperv.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosTicket;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.simulator.ManualClock;

/**
 * The JDK's Kerberos login against a real KDC ({@link TestKdc}): a TGT from the password or the
 * keytab, kept until it nears its end or a listener refused it, and each failure classified with
 * what to do next: wrong password (AUTH), KDC down (CONNECT, retriable), unknown service principal
 * (AUTH, naming setspn).
 */
class KerberosLoginTest {

    private static final String BLOCK = "sitewatch.collectors.endpoints[0].hyperv";
    private static final String PRINCIPAL = TestKdc.USER + "@" + TestKdc.REALM;

    private final TestKdc kdc = TestKdc.get();

    private WsmanAuth.Kerberos password(String principal, String password) {
        return new WsmanAuth.Kerberos(principal, password, null, null, kdc.krb5Conf());
    }

    @Test
    void shouldKeepTheTicketUntilItNearsItsEndOrIsForgotten() throws Exception {
        WsmanAuth.Kerberos auth = password(PRINCIPAL, TestKdc.PASSWORD);
        ManualClock clock = new ManualClock(Instant.now());
        KerberosLogin login = new KerberosLogin(auth, clock);

        Subject first = login.subject(BLOCK);
        KerberosTicket tgt = first.getPrivateCredentials(KerberosTicket.class).iterator().next();
        assertThat(tgt.getServer().getName()).isEqualTo("krbtgt/" + TestKdc.REALM + "@" + TestKdc.REALM);
        assertThat(tgt.getClient().getName()).isEqualTo(PRINCIPAL);
        assertThat(login.subject(BLOCK)).isSameAs(first);

        clock.set(tgt.getEndTime().toInstant().minus(Duration.ofMinutes(4)));
        Subject renewed = login.subject(BLOCK);
        assertThat(renewed).as("a new login 5 minutes before the end").isNotSameAs(first);

        clock.set(Instant.now()); // the new ticket is fresh again
        login.forget(first); // a stale subject changes nothing
        assertThat(login.subject(BLOCK)).isSameAs(renewed);
        login.forget(renewed);
        assertThat(login.subject(BLOCK)).isNotSameAs(renewed);
    }

    @Test
    void shouldLogInWithTheKeytab() throws Exception {
        WsmanAuth.Kerberos auth = new WsmanAuth.Kerberos(PRINCIPAL, null, kdc.userKeytab(), null, kdc.krb5Conf());

        Subject subject = auth.login().subject(BLOCK);

        assertThat(subject.getPrivateCredentials(KerberosTicket.class)).isNotEmpty();
    }

    @Test
    void shouldFailAWrongPasswordAsAuthWithoutShowingIt() {
        WsmanAuth.Kerberos auth = password(PRINCIPAL, "not-the-password");

        assertThatThrownBy(() -> auth.login().subject(BLOCK)).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("Kerberos login of " + PRINCIPAL).contains("wrong password")
                    .doesNotContain("not-the-password");
            assertThat(e.remedy()).contains(BLOCK + ".login.password");
        });
    }

    @Test
    void shouldFailAnUnknownAccountAsAuth() {
        WsmanAuth.Kerberos auth = password("nobody@" + TestKdc.REALM, "x");

        assertThatThrownBy(() -> auth.login().subject(BLOCK)).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
            assertThat(e.getMessage()).contains("knows no such account");
        });
    }

    @Test
    void shouldFailAnUnreachableKdcAsARetriableConnectError() {
        WsmanAuth.Kerberos auth = password(TestKdc.USER + "@" + TestKdc.DOWN_REALM, "x");
        long start = System.nanoTime();

        assertThatThrownBy(() -> auth.login().subject(BLOCK)).isInstanceOfSatisfying(CollectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(CollectorErrorKind.CONNECT);
            assertThat(e.permanent()).isFalse();
            assertThat(e.getMessage()).contains("no KDC of realm " + TestKdc.DOWN_REALM + " answered");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void shouldFailAnUnknownServicePrincipalAsAuthNamingSetspn() throws Exception {
        WsmanAuth.Kerberos auth = password(PRINCIPAL, TestKdc.PASSWORD);
        Subject subject = auth.login().subject(BLOCK);
        KerberosService service = new KerberosService("HTTP/hv-x9.localhost@" + TestKdc.REALM, false);

        assertThatThrownBy(() -> KerberosContext.start(subject, service, auth, BLOCK))
                .isInstanceOfSatisfying(CollectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH);
                    assertThat(e.getMessage()).contains("knows no service principal HTTP/hv-x9.localhost");
                    assertThat(e.remedy()).contains("setspn -S").contains(BLOCK + ".login.service-principal");
                });
    }

    @Test
    void shouldRefuseAnAnswerTokenThatProvesNothing() throws Exception {
        WsmanAuth.Kerberos auth = password(PRINCIPAL, TestKdc.PASSWORD);
        Subject subject = auth.login().subject(BLOCK);

        try (KerberosContext context = KerberosContext.start(subject, new KerberosService("HTTP@localhost", true),
                auth, BLOCK)) {
            assertThat(context.token()).isNotEmpty();
            assertThatThrownBy(() -> context.complete(new byte[] {0x6f, 0x03, 0x02, 0x01, 0x05}, "WinRM Create"))
                    .isInstanceOfSatisfying(CollectorException.class,
                            e -> assertThat(e.kind()).isEqualTo(CollectorErrorKind.AUTH));
        }
    }
}
