package org.sitewatch.simulator.vsphere;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A bare SOAP caller for the front's tests: posts an envelope around the given method XML to
 * {@code <url>/sdk}, keeps the session cookie, and parses every answer as namespace-aware XML (so a
 * test fails when an answer is not well-formed).
 */
final class SoapTestClient {

    record Answer(int status, String body, Document xml) {

        /** The text of every element of that local name, in document order. */
        List<String> texts(String localName) {
            List<String> out = new ArrayList<>();
            NodeList nodes = xml.getElementsByTagNameNS("*", localName);
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getTextContent());
            }
            return out;
        }

        String text(String localName) {
            List<String> all = texts(localName);
            return all.isEmpty() ? null : all.get(0);
        }

        List<Element> elements(String localName) {
            List<Element> out = new ArrayList<>();
            NodeList nodes = xml.getElementsByTagNameNS("*", localName);
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add((Element) nodes.item(i));
            }
            return out;
        }

        /** The fault class of a SOAP fault: the xsi:type of the detail's element. */
        String faultType() {
            Element detail = elements("detail").stream().findFirst().orElse(null);
            if (detail == null) {
                return null;
            }
            for (Node n = detail.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    return e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type");
                }
            }
            return null;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI sdk;
    private String cookie;

    SoapTestClient(String clusterUrl) {
        this.sdk = URI.create(clusterUrl + "/sdk");
    }

    Answer call(String methodXml) throws Exception {
        HttpResponse<String> response = post(methodXml);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        return new Answer(response.statusCode(), response.body(), xml);
    }

    /** The HTTP status of a call whose answer need not be XML. */
    int rawStatus(String methodXml) throws Exception {
        return post(methodXml).statusCode();
    }

    private HttpResponse<String> post(String methodXml) throws Exception {
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
                + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>" + methodXml
                + "</soapenv:Body></soapenv:Envelope>";
        HttpRequest.Builder request = HttpRequest.newBuilder(sdk).header("Content-Type", "text/xml; charset=\"utf-8\"")
                .header("SOAPAction", "urn:vim25/8.0.3.0")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(h -> cookie = h.split(";", 2)[0]);
        return response;
    }

    Answer login(String user, String password) throws Exception {
        return call("<Login xmlns=\"urn:vim25\"><_this type=\"SessionManager\">SessionManager</_this><userName>" + user
                + "</userName><password>" + password + "</password></Login>");
    }

    /** A container view over everything and a filter on the properties the collector watches. */
    void watchInventory() throws Exception {
        String view = call("<CreateContainerView xmlns=\"urn:vim25\"><_this type=\"ViewManager\">ViewManager</_this>"
                + "<container type=\"Folder\">group-d1</container><type>VirtualMachine</type><type>HostSystem</type>"
                + "<type>ClusterComputeResource</type><recursive>true</recursive></CreateContainerView>").text("returnval");
        call("<CreateFilter xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">propertyCollector</_this><spec>"
                + "<propSet><type>VirtualMachine</type><pathSet>name</pathSet><pathSet>runtime.powerState</pathSet>"
                + "<pathSet>runtime.connectionState</pathSet><pathSet>runtime.dasVmProtection</pathSet>"
                + "<pathSet>runtime.host</pathSet></propSet>"
                + "<propSet><type>HostSystem</type><pathSet>name</pathSet><pathSet>runtime.dasHostState</pathSet>"
                + "<pathSet>runtime.connectionState</pathSet><pathSet>runtime.powerState</pathSet>"
                + "<pathSet>runtime.inMaintenanceMode</pathSet><pathSet>overallStatus</pathSet><pathSet>parent</pathSet>"
                + "</propSet><propSet><type>ClusterComputeResource</type><pathSet>name</pathSet>"
                + "<pathSet>configurationEx</pathSet><pathSet>summary</pathSet></propSet>"
                + "<objectSet><obj type=\"ContainerView\">" + view + "</obj><skip>true</skip>"
                + "<selectSet xsi:type=\"TraversalSpec\"><name>traverseView</name><type>ContainerView</type>"
                + "<path>view</path><skip>false</skip></selectSet></objectSet></spec>"
                + "<partialUpdates>false</partialUpdates></CreateFilter>");
    }

    Answer waitForUpdates(String version) throws Exception {
        return call("<WaitForUpdatesEx xmlns=\"urn:vim25\"><_this type=\"PropertyCollector\">propertyCollector</_this>"
                + "<version>" + version + "</version><options><maxWaitSeconds>0</maxWaitSeconds></options>"
                + "</WaitForUpdatesEx>");
    }

    /** An event history collector over every event since {@code begin}; returns its id. */
    String eventCollector(String begin) throws Exception {
        return call("<CreateCollectorForEvents xmlns=\"urn:vim25\"><_this type=\"EventManager\">EventManager</_this>"
                + "<filter><time><beginTime>" + begin + "</beginTime></time></filter></CreateCollectorForEvents>")
                .text("returnval");
    }

    Answer readNextEvents(String collector) throws Exception {
        return call("<ReadNextEvents xmlns=\"urn:vim25\"><_this type=\"EventHistoryCollector\">" + collector
                + "</_this><maxCount>100</maxCount></ReadNextEvents>");
    }
}
