package org.sitewatch.collectors.spi.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String SECRET = "Zx9-s3cr3t-Q";

    @Test
    void shouldMaskUserInfoOfUrlsButKeepTheirAddress() {
        String text = "cannot POST to https://am-user:" + SECRET + "@am.example:9093/api/v2/alerts: HTTP 500";

        assertThat(Redactor.redact(text))
                .isEqualTo("cannot POST to https://******@am.example:9093/api/v2/alerts: HTTP 500");
        assertThat(Redactor.redact("git clone https://" + SECRET + "@github.com/x/y.git"))
                .isEqualTo("git clone https://******@github.com/x/y.git");
        assertThat(Redactor.redact(URI.create("amqp://u:" + SECRET + "@[::1]:5672/vh"))).isEqualTo("amqp://******@[::1]:5672/vh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "TOKEN", "key", "Key", "secret", "password", "Password", "sig", "SIG", "signature",
            "access_token", "Access_Token", "api-key", "API-KEY", "apikey", "client_secret", "X-Amz-Signature",
            "X-Amz-Credential", "sas_token", "passwd", "pwd", "refresh_token", "ticket", "JSESSIONID", "session_id"})
    void shouldMaskSecretLookingQueryParametersWhateverTheirCase(String name) {
        String url = "https://hooks.example/in?site=paris&" + name + "=" + SECRET + "&page=2";

        String shown = Redactor.redact("GET " + url + " answered HTTP 403");

        assertThat(shown).doesNotContain(SECRET)
                .isEqualTo("GET https://hooks.example/in?site=paris&" + name + "=******&page=2 answered HTTP 403");
        assertThat(Redactor.redact("https://h.example/x?" + name + "=" + SECRET)).isEqualTo("https://h.example/x?" + name + "=******");
    }

    @Test
    void shouldLeaveOrdinaryParametersAndProseAlone() {
        String text = "GET /api/v1/vms?page=2&site=oslo&$top=100 answered HTTP 500: basic authentication is off; "
                + "sitewatch.collectors.endpoints[0].proxmox.api-token: is required: give api-token-env";

        assertThat(Redactor.redact(text)).isEqualTo(text);
        assertThat(Redactor.holdsCredential(text)).isFalse();
        assertThat(Redactor.redact((String) null)).isNull();
        assertThat(Redactor.redact("")).isEmpty();
    }

    @Test
    void shouldMaskQuotedAndMapStyleAssignments() {
        String jaas = "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"sitewatch\" password=\"" + SECRET + "\";";
        assertThat(Redactor.redact(jaas)).doesNotContain(SECRET).contains("username=\"sitewatch\" password=******;");

        assertThat(Redactor.redact("{user=monitor, password=" + SECRET + ", port=8006}"))
                .isEqualTo("{user=monitor, password=******, port=8006}");
        assertThat(Redactor.redact("{\"error\":\"bad\",\"client_secret\": \"" + SECRET + "\", \"n\":1}"))
                .isEqualTo("{\"error\":\"bad\",\"client_secret\": \"******\", \"n\":1}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key",
            "X-Auth-Token", "vmware-api-session-id"})
    void shouldMaskCredentialHeaderValuesToTheEndOfTheLine(String header) {
        String text = "request failed\n" + header + ": Bearer " + SECRET + " extra\nAccept: application/json";

        assertThat(Redactor.redact(text)).isEqualTo("request failed\n" + header + ": ******\nAccept: application/json");
        assertThat(Redactor.redact("headers {" + header + "=" + SECRET + "}")).doesNotContain(SECRET);
    }

    @Test
    void shouldMaskBearerBasicAndProxmoxTokensOutsideHeaderLines() {
        assertThat(Redactor.redact("sent Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln and got 401"))
                .isEqualTo("sent Bearer ****** and got 401");
        assertThat(Redactor.redact("basic dXNlcjpwYXNzd29yZA== rejected")).isEqualTo("basic ****** rejected");
        assertThat(Redactor.redact("PVEAPIToken=root@pam!sw=11111111-2222-4333-8444-555555555555 was refused"))
                .isEqualTo("PVEAPIToken=****** was refused");
    }

    @Test
    void shouldMaskPemPrivateKeysWholeOrTruncated() {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA" + SECRET
                + "\n-----END OPENSSH PRIVATE KEY-----";
        String cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

        String shown = Redactor.redact("pem: " + cert + "\n" + key + "\ndone");

        assertThat(shown).doesNotContain(SECRET).contains(cert).endsWith(
                "-----BEGIN OPENSSH PRIVATE KEY----- ****** -----END OPENSSH PRIVATE KEY-----\ndone");
        assertThat(Redactor.redact("x -----BEGIN RSA PRIVATE KEY-----\nMIIEow" + SECRET + "…"))
                .isEqualTo("x -----BEGIN RSA PRIVATE KEY----- ****** -----END RSA PRIVATE KEY-----");
        assertThat(Redactor.redact("-----BEGIN PRIVATE KEY-----\nMIIE" + SECRET + "\n-----END PRIVATE KEY-----"))
                .doesNotContain(SECRET);
    }

    record Sample(URI url, Secret apiToken, String webhookSecret, java.util.Map<String, String> properties, int port) {
        @Override
        public String toString() {
            return Redactor.describe(this);
        }
    }

    @Test
    void shouldDescribeARecordWithoutItsSecrets() {
        Sample sample = new Sample(URI.create("https://u:" + SECRET + "@h.example/x?sig=" + SECRET), Secret.inline(SECRET),
                SECRET, java.util.Map.of("ssl.key.password", SECRET), 8006);

        assertThat(sample.toString()).isEqualTo("Sample[url=https://******@h.example/x?sig=******, "
                + "apiToken=****** (inline), webhookSecret=******, properties={ssl.key.password=******}, port=8006]");
    }

    @Test
    void shouldSayWhetherTextHoldsACredential() {
        assertThat(Redactor.holdsCredential("http://u:p@h/")).isTrue();
        assertThat(Redactor.holdsCredential("http://h/?sig=abc")).isTrue();
        assertThat(Redactor.holdsCredential("http://h/?page=2")).isFalse();
        assertThat(Redactor.holdsCredential(null)).isFalse();
    }
}
