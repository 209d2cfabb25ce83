package org.sitewatch.collectors.oraclevm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitewatch.collectors.oraclevm.Fixtures.json;

import org.junit.jupiter.api.Test;

/** ID objects and the lenient reading of booleans and numbers sent as strings. */
class OvmFieldsTest {

    @Test
    void readsAFullIdObject() {
        OvmRef ref = OvmFields.ref(json("""
                {"serverId": {"type": "com.oracle.ovm.mgr.ws.model.Server", "value": "44:45:4c:4c:01",
                              "uri": "https://ovmm:7002/ovm/core/wsapi/rest/Server/44:45:4c:4c:01", "name": "ovs01"}}
                """), "serverId");

        assertThat(ref).isEqualTo(new OvmRef("com.oracle.ovm.mgr.ws.model.Server", "44:45:4c:4c:01",
                "https://ovmm:7002/ovm/core/wsapi/rest/Server/44:45:4c:4c:01", "ovs01"));
        assertThat(ref.label()).isEqualTo("ovs01");
    }

    @Test
    void anIdObjectWithoutANameIsKnownByItsValue() {
        OvmRef ref = OvmFields.ref(json("{\"serverPoolId\": {\"type\": \"x.ServerPool\", \"value\": \"0004fb0000020000\"}}"),
                "serverPoolId");

        assertThat(ref.name()).isNull();
        assertThat(ref.uri()).isNull();
        assertThat(ref.label()).isEqualTo("0004fb0000020000");
    }

    @Test
    void aBareIdStringIsAReferenceToo() {
        assertThat(OvmFields.ref(json("{\"serverId\": \"44:45\"}"), "serverId")).isEqualTo(new OvmRef(null, "44:45", null, null));
    }

    @Test
    void aMissingOrNullReferenceIsNull() {
        assertThat(OvmFields.ref(json("{\"serverId\": null}"), "serverId")).isNull();
        assertThat(OvmFields.ref(json("{}"), "serverId")).isNull();
    }

    @Test
    void aReferenceOfTheWrongShapeNamesTheField() {
        assertThatThrownBy(() -> OvmFields.ref(json("{\"serverId\": {\"type\": \"x\", \"name\": \"ovs01\"}}"), "serverId"))
                .isInstanceOf(OvmRecordException.class).hasMessageContaining("serverId").hasMessageContaining("without a value");
        assertThatThrownBy(() -> OvmFields.ref(json("{\"serverId\": 42}"), "serverId"))
                .isInstanceOf(OvmRecordException.class).hasMessageContaining("serverId");
        assertThatThrownBy(() -> OvmFields.id(json("{\"name\": \"vm\"}")))
                .isInstanceOf(OvmRecordException.class).hasMessageContaining("'id' is missing");
    }

    @Test
    void readsAListOfReferencesSkippingNulls() {
        assertThat(OvmFields.refs(json("{\"serverIds\": [{\"value\": \"a\"}, null, \"b\"]}"), "serverIds"))
                .extracting(OvmRef::value).containsExactly("a", "b");
        assertThat(OvmFields.refs(json("{}"), "serverIds")).isEmpty();
        assertThatThrownBy(() -> OvmFields.refs(json("{\"serverIds\": {\"value\": \"a\"}}"), "serverIds"))
                .isInstanceOf(OvmRecordException.class).hasMessageContaining("serverIds");
    }

    @Test
    void booleansMayComeAsStrings() {
        assertThat(OvmFields.bool(json("{\"b\": true}"), "b")).isTrue();
        assertThat(OvmFields.bool(json("{\"b\": \"true\"}"), "b")).isTrue();
        assertThat(OvmFields.bool(json("{\"b\": \"FALSE\"}"), "b")).isFalse();
        assertThat(OvmFields.bool(json("{\"b\": null}"), "b")).isNull();
        assertThatThrownBy(() -> OvmFields.bool(json("{\"b\": \"yes\"}"), "b"))
                .isInstanceOf(OvmRecordException.class).hasMessageContaining("'b'");
        assertThatThrownBy(() -> OvmFields.bool(json("{\"b\": 1}"), "b")).isInstanceOf(OvmRecordException.class);
    }

    @Test
    void textsAreReadFromValuesOnly() {
        assertThat(OvmFields.text(json("{\"t\": \"RUNNING\"}"), "t")).isEqualTo("RUNNING");
        assertThat(OvmFields.text(json("{\"t\": 5}"), "t")).isEqualTo("5");
        assertThatThrownBy(() -> OvmFields.text(json("{\"t\": {}}"), "t")).isInstanceOf(OvmRecordException.class)
                .hasMessageContaining("'t'");
    }
}
