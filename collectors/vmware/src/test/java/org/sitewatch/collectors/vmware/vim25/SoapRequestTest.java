package org.sitewatch.collectors.vmware.vim25;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SoapRequestTest {

    private static final String AWKWARD = "p<a>s&s\"w'o]]>rd";

    @Test
    void shouldWriteACallInTheVim25NamespaceWithItsTarget() throws Exception {
        Document xml = parse(SoapRequest.call("Logout", new MoRef("SessionManager", "SessionManager")));

        Element envelope = xml.getDocumentElement();
        assertThat(envelope.getNamespaceURI()).isEqualTo(SoapRequest.SOAP_ENV);
        assertThat(envelope.getLocalName()).isEqualTo("Envelope");
        assertThat(element(xml, "Logout").getParentNode().getLocalName()).isEqualTo("Body");
        assertThat(element(xml, "_this").getAttribute("type")).isEqualTo("SessionManager");
        assertThat(text(xml, "_this")).isEqualTo("SessionManager");
    }

    @Test
    void shouldEscapeEveryValueAndAttribute() throws Exception {
        SoapRequest request = SoapRequest.call("Login", new MoRef("Session\"Manager<", "SM&1"))
                .text("userName", "ops&<admin>")
                .text("password", AWKWARD);

        Document xml = parse(request);

        assertThat(text(xml, "userName")).isEqualTo("ops&<admin>");
        assertThat(text(xml, "password")).isEqualTo(AWKWARD);
        assertThat(element(xml, "_this").getAttribute("type")).isEqualTo("Session\"Manager<");
        assertThat(text(xml, "_this")).isEqualTo("SM&1");
    }

    @Test
    void shouldWriteArraysNestedObjectsSubtypesAndSkipUnsetValues() throws Exception {
        SoapRequest request = SoapRequest.call("RetrievePropertiesEx", new MoRef("PropertyCollector", "propertyCollector"))
                .start("specSet")
                .start("propSet").text("type", "VirtualMachine").texts("pathSet", List.of("runtime.powerState", "overallStatus")).end()
                .start("selectSet", "TraversalSpec").text("name", "traverseView").end()
                .moRef("unset", null).text("alsoUnset", null)
                .end()
                .text("when", Instant.parse("2026-03-01T09:00:00Z"));

        Document xml = parse(request);

        assertThat(xml.getElementsByTagNameNS(SoapRequest.VIM25, "pathSet").getLength()).isEqualTo(2);
        assertThat(text(xml, "pathSet")).isEqualTo("runtime.powerState");
        assertThat(element(xml, "selectSet").getAttributeNS(SoapRequest.XSI, "type")).isEqualTo("TraversalSpec");
        assertThat(xml.getElementsByTagNameNS(SoapRequest.VIM25, "unset").getLength()).isZero();
        assertThat(xml.getElementsByTagNameNS(SoapRequest.VIM25, "alsoUnset").getLength()).isZero();
        assertThat(text(xml, "when")).isEqualTo("2026-03-01T09:00:00Z");
    }

    @Test
    void shouldNeverShowTheBodyInToString() {
        SoapRequest request = SoapRequest.call("Login", new MoRef("SessionManager", "SessionManager"))
                .text("password", AWKWARD);

        assertThat(request.toString()).isEqualTo("SoapRequest[Login]").doesNotContain(AWKWARD);
    }

    @Test
    void shouldRefuseToChangeAWrittenRequest() {
        SoapRequest request = SoapRequest.call("Logout", new MoRef("SessionManager", "SessionManager"));
        String first = request.xml();

        assertThat(request.xml()).isSameAs(first);
        assertThatThrownBy(() -> request.text("late", "x")).isInstanceOf(IllegalStateException.class);
    }

    private static Document parse(SoapRequest request) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(request.xml().getBytes(StandardCharsets.UTF_8)));
    }

    private static Element element(Document xml, String name) {
        return (Element) xml.getElementsByTagNameNS(SoapRequest.VIM25, name).item(0);
    }

    private static String text(Document xml, String name) {
        return element(xml, name).getTextContent();
    }
}
