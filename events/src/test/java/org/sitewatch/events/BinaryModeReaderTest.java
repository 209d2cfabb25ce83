package org.sitewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.kafka.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class BinaryModeReaderTest {

    private final CloudEventSerde serde = new CloudEventSerde();

    @Test
    void readsEveryEventTypeExactlyAsTheCloudEventsSdkDoes() {
        for (EventData data : SampleEvents.ALL) {
            for (Instant time : new Instant[] {SampleEvents.TIME, SampleEvents.TIME.plusNanos(123_000_000),
                    SampleEvents.TIME.plusNanos(1), Instant.parse("2028-02-29T23:59:59.999999Z")}) {
                SitewatchEvent event = SitewatchEvent.observed(SampleEvents.SOURCE, time, data);
                Headers headers = new RecordHeaders();
                byte[] value = serde.serializer().serialize("t", headers, event);

                SitewatchEvent fast = BinaryModeReader.read(headers, value);
                SitewatchEvent viaSdk = CloudEventSerde.fromCloudEvent(new CloudEventDeserializer().deserialize("t", headers, value));

                assertThat(fast).isNotNull().isEqualTo(viaSdk).isEqualTo(event);
            }
        }
    }

    @Test
    void leavesAnythingUnusualToTheSdkPathWhichNamesTheProblem() {
        SitewatchEvent event = SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, SampleEvents.VM);
        Headers plain = new RecordHeaders();
        byte[] value = serde.serializer().serialize("t", plain, event);

        Headers noContentType = copyWithout(plain, "content-type");
        assertThat(BinaryModeReader.read(noContentType, value)).isNull();
        assertThat(serde.deserializer().deserialize("t", noContentType, value)).isEqualTo(event);

        Headers otherSubject = copyWithout(plain, "ce_subject");
        otherSubject.add("ce_subject", "vm/paris-dc1/999".getBytes(StandardCharsets.UTF_8));
        assertThat(BinaryModeReader.read(otherSubject, value)).isNull();
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", otherSubject, value))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("does not match the data");

        assertThat(BinaryModeReader.read(plain, "{not json".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", plain, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not valid JSON");

        Headers unknownType = copyWithout(plain, "ce_type");
        unknownType.add("ce_type", "org.example.other.v1".getBytes(StandardCharsets.UTF_8));
        assertThat(BinaryModeReader.read(unknownType, value)).isNull();
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", unknownType, value))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unknown event type");
    }

    @Test
    void readsRfc3339TimesAsTheJdkDoes() {
        for (String time : new String[] {"2026-12-04T10:15:30Z", "2026-12-04T10:15:30.1Z", "2026-12-04T10:15:30.123456789Z",
                "2024-02-29T00:00:00.000Z", "1970-01-01T00:00:00Z", "2026-12-04T10:15:30+02:00", "2026-12-04T10:15:30.5-05:30"}) {
            assertThat(BinaryModeReader.instant(time)).as(time).isEqualTo(OffsetDateTime.parse(time).toInstant());
        }
        assertThatThrownBy(() -> BinaryModeReader.instant("2026-02-30T10:15:30Z")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> BinaryModeReader.instant("2026-12-04T25:15:30Z")).isInstanceOf(RuntimeException.class);
    }

    private static Headers copyWithout(Headers headers, String key) {
        Headers copy = new RecordHeaders();
        headers.forEach(h -> {
            if (!h.key().equals(key)) {
                copy.add(h.key(), h.value());
            }
        });
        return copy;
    }

    @Test
    void sourcesAreParsedOnceAndStayCorrectWhenTheCacheFills() {
        java.net.URI first = BinaryModeReader.source("/sitewatch/collector/paris-pve");
        assertThat(BinaryModeReader.source("/sitewatch/collector/paris-pve")).isSameAs(first);
        for (int i = 0; i < 5_000; i++) {
            assertThat(BinaryModeReader.source("/sitewatch/collector/c" + i)).hasToString("/sitewatch/collector/c" + i);
        }
        assertThat(BinaryModeReader.source("/sitewatch/collector/paris-pve")).isEqualTo(first);
        assertThatThrownBy(() -> BinaryModeReader.source("not a uri")).isInstanceOf(IllegalArgumentException.class);
    }
}
