package org.sitewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventSerdeTest {

    private final CloudEventSerde serde = new CloudEventSerde();

    static Iterable<EventData> samples() {
        return SampleEvents.ALL;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void shouldRoundTripEveryTypeInBinaryMode(EventData data) {
        SitewatchEvent event = SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, data);
        Headers headers = new RecordHeaders();
        byte[] value = serde.serializer().serialize("sitewatch.vm", headers, event);

        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_id")).isEqualTo(event.id());
        assertThat(header(headers, "ce_type")).isEqualTo(event.type().typeName());
        assertThat(header(headers, "ce_source")).isEqualTo("/sitewatch/collectors/proxmox/paris-dc1");
        assertThat(header(headers, "ce_subject")).isEqualTo(event.subject());
        assertThat(header(headers, "content-type")).isEqualTo("application/json");
        assertThat(new String(value, StandardCharsets.UTF_8)).startsWith("{\"site\":\"" + data.site() + "\",\"platform\":\""
                + data.platform().wire() + "\"");

        assertThat(serde.deserializer().deserialize("sitewatch.vm", headers, value)).isEqualTo(event);
    }

    @Test
    void shouldBuildSubjectsAndKeysFromTheData() {
        SitewatchEvent event = SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, SampleEvents.VM);
        assertThat(event.subject()).isEqualTo("vm/paris-dc1/100");
        assertThat(event.key()).isEqualTo("paris-dc1/100");
        assertThat(event.type()).isEqualTo(EventType.VM_STATE);
    }

    @Test
    void shouldRejectBytesWithoutCloudEventHeaders() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("sitewatch.vm", new RecordHeaders(), "{}".getBytes()))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidEventException.Reason.NOT_A_CLOUDEVENT));
    }

    @Test
    void shouldRejectAnUnknownType() {
        Headers headers = headersOf(SampleEvents.VM);
        headers.remove("ce_type").add("ce_type", "org.sitewatch.vm.state.v9".getBytes());
        assertReason(headers, Json.bytes(SampleEvents.VM), InvalidEventException.Reason.UNKNOWN_TYPE);
    }

    @Test
    void shouldRejectMalformedJsonData() {
        assertReason(headersOf(SampleEvents.VM), "{\"site\":".getBytes(), InvalidEventException.Reason.MALFORMED_DATA);
    }

    /** Found by CloudEventDeserializerFuzzTest (streams): the JSON null read as no data object and threw a NullPointerException. */
    @Test
    void shouldRejectTheJsonNullAsData() {
        assertReason(headersOf(SampleEvents.VM), "null".getBytes(), InvalidEventException.Reason.NO_DATA);
    }

    @Test
    void shouldRejectDataMissingRequiredFieldsNamingEachOne() {
        byte[] data = "{\"platform\":\"proxmox\",\"vmId\":\"100\"}".getBytes();
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", headersOf(SampleEvents.VM), data))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidEventException.Reason.INVALID_DATA);
                    assertThat(e.getMessage()).contains("site must match").contains("power is missing");
                });
    }

    @Test
    void shouldRejectASubjectThatDoesNotMatchTheData() {
        Headers headers = headersOf(SampleEvents.VM);
        headers.remove("ce_subject").add("ce_subject", "vm/paris-dc1/999".getBytes());
        assertReason(headers, Json.bytes(SampleEvents.VM), InvalidEventException.Reason.SUBJECT_MISMATCH);
    }

    @Test
    void shouldRejectAnEventWithoutData() {
        assertReason(headersOf(SampleEvents.VM), new byte[0], InvalidEventException.Reason.NO_DATA);
    }

    @Test
    void shouldRefuseToSerializeWithoutHeaders() {
        SitewatchEvent event = SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, SampleEvents.VM);
        assertThatThrownBy(() -> serde.serializer().serialize("t", event)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldReadUnknownFieldsFromANewerProducer() {
        byte[] data = ("{\"site\":\"paris-dc1\",\"platform\":\"proxmox\",\"vmId\":\"100\",\"power\":\"RUNNING\","
                + "\"futureField\":42}").getBytes();
        SitewatchEvent event = serde.deserializer().deserialize("t", headersOf(SampleEvents.VM), data);
        assertThat(event.dataAs(VmState.class).power()).isEqualTo(PowerState.RUNNING);
        assertThat(event.dataAs(VmState.class).removed()).isFalse();
    }

    private Headers headersOf(EventData data) {
        Headers headers = new RecordHeaders();
        serde.serializer().serialize("t", headers, SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, data));
        return headers;
    }

    private void assertReason(Headers headers, byte[] value, InvalidEventException.Reason reason) {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", headers, value))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
