package org.sitewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldFingerprintLabelsWhateverTheirOrder() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("alertname", "ReplicationFailed");
        a.put("severity", "critical");
        a.put("site", "paris-dc1");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("site", "paris-dc1");
        b.put("severity", "critical");
        b.put("alertname", "ReplicationFailed");
        assertThat(Alert.fingerprintOf(a)).isEqualTo(Alert.fingerprintOf(b)).hasSize(16);
        b.put("item", "100-0");
        assertThat(Alert.fingerprintOf(a)).isNotEqualTo(Alert.fingerprintOf(b));
    }

    @Test
    void shouldKeepTheFingerprintWhenResolving() {
        Alert firing = Alert.firing(Map.of("alertname", "HaHostFailed", "severity", "critical", "site", "s"),
                Map.of("summary", "x"), T0, "/api/sites/s");
        Alert resolved = firing.resolved(T0.plusSeconds(60), null);
        assertThat(resolved.fingerprint()).isEqualTo(firing.fingerprint());
        assertThat(resolved.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.endsAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(firing.endsAt()).isNull();
    }

    @Test
    void shouldRoundTripThroughTheTopicSerde() {
        Alert firing = Alert.firing(Map.of("alertname", "CollectorDown", "severity", "warning", "site", "s"),
                Map.of("description", "no heartbeat for 45 s"), T0, "/api/sites/s");
        byte[] bytes = Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), firing);
        assertThat(Topics.ALERTS.valueSerde().deserializer().deserialize(Topics.ALERTS.name(), bytes)).isEqualTo(firing);
    }

    @Test
    void shouldRequireAlertnameAndSeverity() {
        assertThatThrownBy(() -> Alert.firing(Map.of("site", "s"), Map.of(), T0, null))
                .hasMessageContaining("alertname and severity");
    }
}
