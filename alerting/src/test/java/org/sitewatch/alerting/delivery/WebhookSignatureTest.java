package org.sitewatch.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] SECRET = "sitewatch-test-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"version\":\"1\",\"alerts\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final long TS = 1767225600L;
    private static final Instant NOW = Instant.ofEpochSecond(TS + 10);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void shouldMatchWhatOpensslComputes() {
        // printf '1767225600.{"version":"1","alerts":[]}' | openssl dgst -sha256 -hmac 'sitewatch-test-secret'
        assertThat(WebhookSignature.sign(SECRET, TS, BODY))
                .isEqualTo("sha256=fd083b5547e48f117872c8d7f5178ae7408079ccf1880fb4e5d4ac16da415705");
    }

    @Test
    void shouldVerifyItsOwnSignature() {
        String sig = WebhookSignature.sign(SECRET, TS, BODY);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), sig, BODY, NOW, TOLERANCE)).isTrue();
    }

    @Test
    void shouldRejectATamperedBodyAWrongSecretOrATamperedTimestamp() {
        String sig = WebhookSignature.sign(SECRET, TS, BODY);
        byte[] tampered = "{\"version\":\"1\",\"alerts\":[{}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), sig, tampered, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify("other-secret-0123".getBytes(StandardCharsets.UTF_8), Long.toString(TS), sig,
                BODY, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS + 1), sig, BODY, NOW, TOLERANCE)).isFalse();
    }

    @Test
    void shouldRejectOldOrMissingOrMalformedHeaders() {
        String sig = WebhookSignature.sign(SECRET, TS, BODY);
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), sig, BODY, NOW.plus(Duration.ofMinutes(6)), TOLERANCE))
                .as("a replay after the tolerance").isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, sig, BODY, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TS), null, BODY, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "yesterday", sig, BODY, NOW, TOLERANCE)).isFalse();
    }
}
