package org.sitewatch.collectors.hyperv.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Kerberos login's own rules: principal with realm, password or keytab, service principal by url or given. */
class WsmanAuthTest {

    private static final URI LISTENER = URI.create("https://HV-A1.corp.example:5986/wsman");

    @Test
    void shouldAskForTheHttpServiceOfTheListenersHostUnlessGivenOne() {
        WsmanAuth.Kerberos byUrl = new WsmanAuth.Kerberos("svc@CORP.EXAMPLE", "pw", null, null, null);
        WsmanAuth.Kerberos given = new WsmanAuth.Kerberos("svc@CORP.EXAMPLE", "pw", null,
                "HTTP/hv-a1.corp.example@CORP.EXAMPLE", null);

        assertThat(byUrl.service(LISTENER)).isEqualTo(new KerberosService("HTTP@hv-a1.corp.example", true));
        assertThat(byUrl.service(LISTENER).spn()).isEqualTo("HTTP/hv-a1.corp.example");
        assertThat(given.service(URI.create("https://10.0.0.11:5986/wsman")).spn())
                .isEqualTo("HTTP/hv-a1.corp.example@CORP.EXAMPLE");
    }

    @Test
    void shouldRefuseAPrincipalWithoutRealmAndNeitherOrBothOfPasswordAndKeytab() {
        assertThatThrownBy(() -> new WsmanAuth.Kerberos("svc", "pw", null, null, null))
                .hasMessageContaining("user@REALM");
        assertThatThrownBy(() -> new WsmanAuth.Kerberos("svc@CORP.EXAMPLE", null, null, null, null))
                .hasMessageContaining("neither");
        assertThatThrownBy(() -> new WsmanAuth.Kerberos("svc@CORP.EXAMPLE", "pw", Path.of("k"), null, null))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> new WsmanAuth.Kerberos("svc@CORP.EXAMPLE", "pw", null, "hv-a1", null))
                .hasMessageContaining("HTTP/<host>");
    }

    @Test
    void shouldNeverShowThePassword() {
        WsmanAuth.Kerberos auth = new WsmanAuth.Kerberos("svc@CORP.EXAMPLE", "Pa55word!", null, null, null);

        assertThat(auth.toString()).contains("svc@CORP.EXAMPLE").doesNotContain("Pa55word!");
    }
}
