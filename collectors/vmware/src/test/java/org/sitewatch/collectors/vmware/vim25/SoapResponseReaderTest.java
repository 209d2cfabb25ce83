package org.sitewatch.collectors.vmware.vim25;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.sitewatch.events.CollectorErrorKind;

class SoapResponseReaderTest {

    private static final MoRef HOST_12 = new MoRef("HostSystem", "host-12");
    private static final MoRef VM_42 = new MoRef("VirtualMachine", "vm-42");

    @Test
    void shouldReadTheServiceContent() throws Exception {
        ServiceContent content = ServiceContent.from(Fixtures.response("service-content.xml").object("returnval"));

        assertThat(content.rootFolder()).isEqualTo(new MoRef("Folder", "group-d1"));
        assertThat(content.propertyCollector()).isEqualTo(new MoRef("PropertyCollector", "propertyCollector"));
        assertThat(content.sessionManager()).isEqualTo(new MoRef("SessionManager", "SessionManager"));
        assertThat(content.eventManager()).isEqualTo(new MoRef("EventManager", "EventManager"));
        assertThat(content.viewManager()).isEqualTo(new MoRef("ViewManager", "ViewManager"));
        assertThat(content.apiVersion()).isEqualTo("8.0.3.0");
        assertThat(content.instanceUuid()).isEqualTo("7a1c3f00-5f0b-4c3e-9d2a-0e6b1c2d3e4f");
    }

    @Test
    void shouldReadAPageOfObjectsWithItsToken() throws Exception {
        RetrieveResult result = RetrieveResult.from(Fixtures.response("retrieve-properties-ex.xml").object("returnval"));

        assertThat(result.token()).isEqualTo("page-2");
        assertThat(result.objects()).extracting(ObjectContent::obj)
                .containsExactly(HOST_12, VM_42, new MoRef("ClusterComputeResource", "domain-c8"));
    }

    @Test
    void shouldTypeScalarValuesByTheirXsiType() throws Exception {
        ObjectContent host = object(0);
        ObjectContent vm = object(1);

        assertThat(host.get("overallStatus")).isEqualTo("green");
        assertThat(host.get("runtime.connectionState")).isEqualTo("connected");
        assertThat(host.get("runtime.inMaintenanceMode")).isEqualTo(Boolean.FALSE);
        assertThat(host.get("parent")).as("the reference's type, not its xsi:type")
                .isEqualTo(new MoRef("ClusterComputeResource", "domain-c8"));
        assertThat(vm.get("runtime.powerState")).isEqualTo("poweredOn");
        assertThat(vm.get("runtime.bootTime")).isEqualTo(Instant.parse("2026-03-01T08:15:30.123456Z"));
        assertThat(vm.get("runtime.host")).isEqualTo(HOST_12);
        assertThat(vm.get("config.annotation")).isEqualTo("db <primary> & \"backup\"");
        assertThat(vm.get("summary.quickStats.overallCpuUsage")).isEqualTo(512);
        assertThat(vm.get("summary.storage.committed")).isEqualTo(53_687_091_200L);
    }

    @Test
    void shouldReadArraysAsLists() throws Exception {
        ObjectContent vm = object(1);

        assertThat(vm.get("datastore")).isEqualTo(List.of(new MoRef("Datastore", "datastore-1"),
                new MoRef("Datastore", "datastore-2")));
        assertThat(vm.get("tag")).isEqualTo(List.of("gold", "db"));
        assertThat(vm.get("config.cpuAffinity.affinitySet")).isEqualTo(List.of(0, 2));
        assertThat(vm.get("customValue")).isEqualTo(List.of());
    }

    @Test
    void shouldReadDataObjectsWithTheirTypeAndNestedReferences() throws Exception {
        DataObject dasHostState = (DataObject) object(0).get("runtime.dasHostState");
        DataObject protection = (DataObject) object(1).get("runtime.dasVmProtection");

        assertThat(dasHostState.type()).isEqualTo("ClusterDasFdmHostState");
        assertThat(dasHostState.string("state")).isEqualTo("connectedToMaster");
        assertThat(dasHostState.moRef("stateReporter")).isEqualTo(new MoRef("HostSystem", "host-10"));
        assertThat(protection.type()).isEqualTo("VirtualMachineRuntimeInfoDasProtectionState");
        assertThat(protection.bool("dasProtected")).isTrue();
    }

    @Test
    void shouldReadTheClusterHaConfigurationAndSummary() throws Exception {
        ObjectContent cluster = object(2);
        DataObject configuration = (DataObject) cluster.get("configurationEx");
        DataObject summary = (DataObject) cluster.get("summary");

        assertThat(configuration.type()).isEqualTo("ClusterConfigInfoEx");
        assertThat(configuration.path("dasConfig.enabled")).isEqualTo("true");
        assertThat(configuration.object("dasConfig").bool("admissionControlEnabled")).isTrue();
        DataObject policy = (DataObject) configuration.path("dasConfig.admissionControlPolicy");
        assertThat(policy.type()).isEqualTo("ClusterFailoverResourcesAdmissionControlPolicy");
        assertThat(policy.number("cpuFailoverResourcesPercent")).isEqualTo(25L);
        assertThat(configuration.objects("dasVmConfig")).extracting(c -> c.moRef("key"))
                .containsExactly(VM_42, new MoRef("VirtualMachine", "vm-43"));
        assertThat(summary.type()).isEqualTo("ClusterComputeResourceSummary");
        assertThat(summary.number("currentFailoverLevel")).isEqualTo(1L);
        assertThat(summary.number("numEffectiveHosts")).isEqualTo(3L);
        assertThat(((DataObject) summary.get("admissionControlInfo")).type())
                .isEqualTo("ClusterFailoverResourcesAdmissionControlInfo");
    }

    @Test
    void shouldNameThePropertiesThatCouldNotBeRead() throws Exception {
        assertThat(object(1).missing()).isEqualTo(Map.of("config.repConfig", "NoPermission"));
        assertThat(object(0).missing()).isEmpty();
    }

    @Test
    void shouldReadEnterModifyAndLeaveWithEveryChangeOp() throws Exception {
        UpdateSet set = UpdateSet.from(Fixtures.response("wait-for-updates-ex.xml").object("returnval"));

        assertThat(set.version()).isEqualTo("1_7");
        assertThat(set.truncated()).isFalse();
        assertThat(set.objects()).extracting(UpdateSet.ObjectUpdate::kind)
                .containsExactly(UpdateSet.Kind.ENTER, UpdateSet.Kind.MODIFY, UpdateSet.Kind.LEAVE);
        assertThat(set.objects().get(0).filter()).isEqualTo(new MoRef("PropertyFilter", "session[52b1]filter-1"));
        UpdateSet.ObjectUpdate modify = set.objects().get(1);
        assertThat(modify.obj()).isEqualTo(VM_42);
        assertThat(modify.changes()).extracting(UpdateSet.PropertyChange::op).containsExactly(
                UpdateSet.Op.ASSIGN, UpdateSet.Op.REMOVE, UpdateSet.Op.INDIRECT_REMOVE, UpdateSet.Op.ADD);
        assertThat(modify.changes().get(0))
                .isEqualTo(new UpdateSet.PropertyChange("runtime.powerState", UpdateSet.Op.ASSIGN, "poweredOff"));
        assertThat(modify.changes().get(1).value()).isNull();
        DataObject alarm = (DataObject) modify.changes().get(3).value();
        assertThat(alarm.type()).isEqualTo("AlarmState");
        assertThat(alarm.moRef("alarm")).isEqualTo(new MoRef("Alarm", "alarm-7"));
        assertThat(alarm.instant("time")).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(set.objects().get(2).changes()).isEmpty();
    }

    @Test
    void shouldReadAnAnswerWithoutReturnvalAsNothingChanged() throws Exception {
        assertThat(Fixtures.response("wait-for-updates-ex-nothing.xml").object("returnval")).isNull();
    }

    @Test
    void shouldReadEventsOfEveryClassWithTheirEntities() throws Exception {
        List<EventRecord> events = Fixtures.response("read-next-events.xml").objects("returnval").stream()
                .map(EventRecord::from).toList();

        assertThat(events).extracting(EventRecord::key).containsExactly(9001, 9002, 9003);
        EventRecord poweredOff = events.get(0);
        assertThat(poweredOff.type()).isEqualTo("VmPoweredOffEvent");
        assertThat(poweredOff.eventTypeId()).isNull();
        assertThat(poweredOff.typeId()).isEqualTo("VmPoweredOffEvent");
        assertThat(poweredOff.createdTime()).isEqualTo(Instant.parse("2026-03-01T09:10:11.5Z"));
        assertThat(poweredOff.userName()).isEqualTo("VSPHERE.LOCAL\\ops");
        assertThat(poweredOff.vm()).isEqualTo(new EventRecord.EntityRef("app01", VM_42));
        assertThat(poweredOff.host()).isEqualTo(new EventRecord.EntityRef("esx01.paris", HOST_12));
        assertThat(poweredOff.computeResource())
                .isEqualTo(new EventRecord.EntityRef("CL-A", new MoRef("ClusterComputeResource", "domain-c8")));
        assertThat(poweredOff.datacenter())
                .isEqualTo(new EventRecord.EntityRef("DC-Paris", new MoRef("Datacenter", "datacenter-2")));
        assertThat(poweredOff.fullFormattedMessage()).isEqualTo("app01 on esx01.paris in DC-Paris is powered off");

        EventRecord haHostFailed = events.get(1);
        assertThat(haHostFailed.type()).isEqualTo("EventEx");
        assertThat(haHostFailed.typeId()).isEqualTo("com.vmware.vc.HA.DasHostFailedEvent");
        assertThat(haHostFailed.vm()).isNull();
        assertThat(haHostFailed.fields().string("severity")).isEqualTo("error");
        assertThat(haHostFailed.fields().string("objectName")).isEqualTo("esx02.paris");
        assertThat(haHostFailed.fields().object("arguments").get("value")).isEqualTo("esx02.paris");

        EventRecord rpoViolated = events.get(2);
        assertThat(rpoViolated.type()).isEqualTo("ExtendedEvent");
        assertThat(rpoViolated.eventTypeId()).isEqualTo("com.vmware.vcHms.rpoViolatedEvent");
        assertThat(rpoViolated.fields().moRef("managedObject")).isEqualTo(VM_42);
        assertThat(rpoViolated.fields().objects("data")).extracting(d -> d.string("key"))
                .containsExactly("rpo", "currentRpoViolation");
    }

    @Test
    void shouldReadASingleEventAsAListOfOne() throws Exception {
        DataObject response = Fixtures.response("read-next-events-one.xml");

        assertThat(response.objects("returnval")).singleElement()
                .satisfies(e -> assertThat(EventRecord.from(e).host().ref()).isEqualTo(new MoRef("HostSystem", "host-14")));
    }

    @Test
    void shouldTurnNotAuthenticatedIntoItsTypedFault() {
        assertThatThrownBy(() -> Fixtures.response("fault-not-authenticated.xml"))
                .isInstanceOfSatisfying(NotAuthenticatedFault.class, f -> {
                    assertThat(f.faultType()).isEqualTo("NotAuthenticated");
                    assertThat(f.permanent()).isFalse();
                    assertThat(f.kind()).isEqualTo(CollectorErrorKind.AUTH);
                });
    }

    @Test
    void shouldCarryTheFaultTypeAndStringOfOtherFaults() {
        assertThatThrownBy(() -> Fixtures.response("fault-invalid-argument.xml"))
                .isExactlyInstanceOf(VimFault.class)
                .hasMessage("Test failed with InvalidArgument: A specified parameter was not correct: maxCount")
                .satisfies(e -> assertThat(((VimFault) e).permanent()).isFalse());
        assertThatThrownBy(() -> Fixtures.response("fault-invalid-login.xml"))
                .isInstanceOfSatisfying(VimFault.class, f -> assertThat(f.faultType()).isEqualTo("InvalidLogin"));
        assertThatThrownBy(() -> Fixtures.response("fault-without-detail.xml"))
                .isInstanceOfSatisfying(VimFault.class, f -> {
                    assertThat(f.faultType()).isEqualTo("soapenv:Client");
                    assertThat(f.faultString()).isEqualTo("Unable to parse the request");
                });
    }

    @Test
    void shouldMakeNoPermissionPermanentWithARemedy() {
        assertThatThrownBy(() -> Fixtures.response("fault-no-permission.xml"))
                .isInstanceOfSatisfying(VimFault.class, f -> {
                    assertThat(f.faultType()).isEqualTo("NoPermission");
                    assertThat(f.permanent()).isTrue();
                    assertThat(f.remedy()).contains("Read-only role");
                });
    }

    @Test
    void shouldRefuseAnswersThatAreNotSoapOrDeclareEntities() {
        byte[] entity = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<R xmlns=\"urn:vim25\"><returnval>&e;</returnval></R></soapenv:Body></soapenv:Envelope>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SoapResponseReader.read("Test", entity)).isInstanceOf(XMLStreamException.class);
        assertThatThrownBy(() -> SoapResponseReader.read("Test", "<html>busy</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(XMLStreamException.class);
    }

    /** Found by InventoryFuzzTest: an object update without its obj went into the mirror under null and failed every later poll. */
    @Test
    void shouldRefuseAnUpdateSetWithAnObjectUpdateThatNamesNoObject() throws Exception {
        String answer = new String(Fixtures.bytes("wait-for-updates-ex.xml"), StandardCharsets.UTF_8)
                .replaceFirst("<obj [^>]*>[^<]*</obj>", "");
        DataObject returnval = SoapResponseReader.read("WaitForUpdatesEx", answer.getBytes(StandardCharsets.UTF_8))
                .object("returnval");

        assertThatThrownBy(() -> UpdateSet.from(returnval)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no object");
    }

    /** Found by SoapResponseFuzzTest: 3,270 nested elements in an answer overflowed the reader's stack. */
    @Test
    void shouldRefuseAnAnswerNestedDeeperThanAnyVimObject() {
        String nested = "<n>".repeat(SoapResponseReader.MAX_DEPTH + 1) + "</n>".repeat(SoapResponseReader.MAX_DEPTH + 1);
        byte[] body = ("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<R xmlns=\"urn:vim25\"><returnval>" + nested + "</returnval></R></soapenv:Body></soapenv:Envelope>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SoapResponseReader.read("Test", body)).isInstanceOf(XMLStreamException.class)
                .hasMessageContaining("deeper than " + SoapResponseReader.MAX_DEPTH);
    }

    private static ObjectContent object(int index) throws Exception {
        return RetrieveResult.from(Fixtures.response("retrieve-properties-ex.xml").object("returnval"))
                .objects().get(index);
    }
}
