package org.sitewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schemas shipped in the jar describe exactly what the Java records write. */
class JsonSchemaContractTest {

    private static JsonSchema schemaOf(EventType type) throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema %s in the jar", type.schemaResource()).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static Iterable<EventData> samples() {
        return SampleEvents.ALL;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void shouldValidateSampleEventsAgainstTheirSchema(EventData sample) throws Exception {
        JsonNode json = Json.MAPPER.valueToTree(sample);
        Set<ValidationMessage> errors = schemaOf(EventType.of(sample)).validate(json);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void shouldRejectSamplesMissingARequiredField(EventData sample) throws Exception {
        JsonSchema schema = schemaOf(EventType.of(sample));
        for (JsonNode required : schema.getSchemaNode().get("required")) {
            ObjectNode json = Json.MAPPER.valueToTree(sample);
            json.remove(required.asText());
            assertThat(schema.validate(json)).as("without %s", required.asText()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void shouldRejectAnUnknownEnumWordAndASiteWithASlash(EventData sample) throws Exception {
        JsonSchema schema = schemaOf(EventType.of(sample));
        ObjectNode json = Json.MAPPER.valueToTree(sample);
        json.put("platform", "vmware-classic");
        assertThat(schema.validate(json)).isNotEmpty();
        json = Json.MAPPER.valueToTree(sample);
        json.put("site", "paris/dc1");
        assertThat(schema.validate(json)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldDescribeEveryRecordComponentAndNothingElse(EventType type) throws Exception {
        Set<String> components = Arrays.stream(type.dataClass().getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        Set<String> properties = new HashSet<>();
        Iterator<String> names = schemaOf(type).getSchemaNode().get("properties").fieldNames();
        names.forEachRemaining(properties::add);
        assertThat(properties).isEqualTo(components);
    }

    @Test
    void shouldDescribeAnUnreadableScopeAndRejectOneWithoutItsReason() throws Exception {
        JsonSchema schema = schemaOf(EventType.COLLECTOR_HEARTBEAT);
        ObjectNode json = Json.MAPPER.valueToTree(SampleEvents.PARTIAL_HEARTBEAT);
        assertThat(json.get("unreadable").get(0).get("scope").asText()).isEqualTo("node pve2");
        assertThat(schema.validate(json)).isEmpty();

        ((ObjectNode) json.get("unreadable").get(0)).remove("reason");

        assertThat(schema.validate(json)).isNotEmpty();
    }

    @Test
    void shouldLeaveAnEmptyUnreadableListOutSoOlderHeartbeatsKeepTheirJson() throws Exception {
        JsonNode json = Json.MAPPER.valueToTree(SampleEvents.HEARTBEAT);

        assertThat(json.has("unreadable")).isFalse();
        assertThat(Json.MAPPER.treeToValue(json, CollectorHeartbeat.class).unreadable()).isEmpty();
        assertThat(Json.MAPPER.treeToValue(Json.MAPPER.valueToTree(SampleEvents.PARTIAL_HEARTBEAT),
                CollectorHeartbeat.class)).isEqualTo(SampleEvents.PARTIAL_HEARTBEAT);
    }

    @Test
    void shouldKeepTheExactJsonAndEventIdOfAHeartbeatWithoutLocation() {
        // Both pinned from the build before heartbeats had a location.
        assertThat(new String(Json.bytes(SampleEvents.HEARTBEAT), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "{\"site\":\"paris-dc1\",\"platform\":\"proxmox\",\"collectorId\":\"paris-dc1\","
                        + "\"endpoint\":\"https://pve1.paris.example:8006/api2/json\",\"status\":\"ERROR\","
                        + "\"errorKind\":\"HTTP_5XX\",\"error\":\"HTTP 500 from /cluster/status\",\"pollDurationMillis\":120,"
                        + "\"lastSuccess\":\"2025-01-07T09:59:00Z\",\"intervalSeconds\":15}");
        assertThat(SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, SampleEvents.HEARTBEAT).id())
                .isEqualTo("007bcb96d995fbdcaa6e28d9898fc640");
        assertThat(SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, SampleEvents.PARTIAL_HEARTBEAT).id())
                .isEqualTo("1118e09926132352db8453834fb27167");
    }

    @Test
    void shouldWriteRecoveryPointNotReportedOnlyWhenTrueAndReadItBack() throws Exception {
        ReplicationStatus r = SampleEvents.REPLICATION;
        JsonNode usual = Json.MAPPER.valueToTree(r);
        ReplicationStatus arrayCopy = new ReplicationStatus(r.site(), Platform.OVIRT, r.itemId(), r.vmId(), r.name(),
                r.sourceSite(), r.targetSite(), r.sourceHost(), r.targetHost(), "ovirt-storage-dr", r.state(), r.health(),
                r.vendorState(), null, null, null, null, null, r.error(), false, true);
        JsonNode unreported = Json.MAPPER.valueToTree(arrayCopy);

        assertThat(usual.has("recoveryPointNotReported")).as("other technologies keep their JSON").isFalse();
        assertThat(Json.MAPPER.treeToValue(usual, ReplicationStatus.class).recoveryPointNotReported()).isFalse();
        assertThat(unreported.get("recoveryPointNotReported").asBoolean()).isTrue();
        assertThat(schemaOf(EventType.REPLICATION_STATUS).validate(unreported)).isEmpty();
        assertThat(Json.MAPPER.treeToValue(unreported, ReplicationStatus.class)).isEqualTo(arrayCopy);
    }

    @Test
    void shouldWriteAConfiguredLocationAndReadItBack() throws Exception {
        CollectorHeartbeat located = SampleEvents.LOCATED_HEARTBEAT;
        JsonNode json = Json.MAPPER.valueToTree(located);

        assertThat(json.get("location").toString()).isEqualTo("{\"cloud\":\"aws\",\"region\":\"eu-central-1\"}");
        assertThat(Json.MAPPER.treeToValue(json, CollectorHeartbeat.class)).isEqualTo(located);
        CollectorHeartbeat unlocated = new CollectorHeartbeat(located.site(), located.platform(), located.collectorId(),
                located.endpoint(), located.status(), null, null, located.pollDurationMillis(), located.lastSuccess(),
                located.intervalSeconds(), null);
        assertThat(SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, located).id())
                .isNotEqualTo(SitewatchEvent.observed(SampleEvents.SOURCE, SampleEvents.TIME, unlocated).id());
        ObjectNode onPremises = Json.MAPPER.valueToTree(unlocated);
        onPremises.putObject("location").put("region", "Paris DC1");
        assertThat(Json.MAPPER.treeToValue(onPremises, CollectorHeartbeat.class).location())
                .isEqualTo(new SiteLocation(null, "Paris DC1"));
    }

    @Test
    void shouldRejectALocationWithAnUpperCaseCloudAnEmptyOneOrAnUnknownKey() throws Exception {
        JsonSchema schema = schemaOf(EventType.COLLECTOR_HEARTBEAT);
        ObjectNode json = Json.MAPPER.valueToTree(SampleEvents.LOCATED_HEARTBEAT);
        assertThat(schema.validate(json)).isEmpty();

        ((ObjectNode) json.get("location")).put("cloud", "AWS");
        assertThat(schema.validate(json)).isNotEmpty();

        json.putObject("location");
        assertThat(schema.validate(json)).isNotEmpty();

        json.putObject("location").put("cloud", "aws").put("zone", "eu-central-1a");
        assertThat(schema.validate(json)).isNotEmpty();
    }
}
