package org.sitewatch.simulator.vsphere;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes vim25 answers as SOAP 1.1 envelopes with the JDK's StAX writer (so every text is escaped):
 * {@code <XxxResponse xmlns="urn:vim25">} for a result, {@code soapenv:Fault} with a typed detail
 * for a fault. The envelope declares {@code xsd} and {@code xsi}, as vCenter's does.
 */
final class SoapWriter {

    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";
    static final String VIM25 = "urn:vim25";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /** What goes inside the response element. */
    @FunctionalInterface
    interface Content {
        void write(SoapWriter out) throws XMLStreamException;
    }

    private final XMLStreamWriter xml;

    private SoapWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** The answer to {@code method}: {@code <methodResponse>} holding what {@code content} writes. */
    static byte[] response(String method, Content content) {
        return envelope(out -> {
            out.xml.writeStartElement("", method + "Response", VIM25);
            out.xml.writeDefaultNamespace(VIM25);
            content.write(out);
            out.xml.writeEndElement();
        });
    }

    static byte[] fault(SoapFault fault) {
        return envelope(out -> {
            out.xml.writeStartElement("soapenv", "Fault", SOAP_ENV);
            out.text("faultcode", "ServerFaultCode");
            out.text("faultstring", fault.getMessage());
            out.xml.writeStartElement("detail");
            out.xml.writeStartElement("", fault.type + "Fault", VIM25);
            out.xml.writeDefaultNamespace(VIM25);
            out.xml.writeAttribute("xsi", XSI, "type", fault.type);
            out.xml.writeEndElement();
            out.xml.writeEndElement();
            out.xml.writeEndElement();
        });
    }

    private static byte[] envelope(Content body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soapenv", "Envelope", SOAP_ENV);
            xml.writeNamespace("soapenv", SOAP_ENV);
            xml.writeNamespace("xsd", XSD);
            xml.writeNamespace("xsi", XSI);
            xml.writeStartElement("soapenv", "Body", SOAP_ENV);
            body.write(new SoapWriter(xml));
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a SOAP answer", e);
        }
        return bytes.toByteArray();
    }

    SoapWriter text(String name, Object value) throws XMLStreamException {
        if (value != null) {
            xml.writeStartElement(name);
            xml.writeCharacters(value instanceof Instant i ? i.toString() : value.toString());
            xml.writeEndElement();
        }
        return this;
    }

    SoapWriter ref(String name, MoRef ref) throws XMLStreamException {
        if (ref != null) {
            xml.writeStartElement(name);
            xml.writeAttribute("type", ref.type());
            xml.writeCharacters(ref.value());
            xml.writeEndElement();
        }
        return this;
    }

    SoapWriter start(String name) throws XMLStreamException {
        xml.writeStartElement(name);
        return this;
    }

    SoapWriter start(String name, String xsiType) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("xsi", XSI, "type", xsiType);
        return this;
    }

    SoapWriter end() throws XMLStreamException {
        xml.writeEndElement();
        return this;
    }

    /** A property value ({@code <val>}): its xsi:type is always written. */
    SoapWriter property(String name, WireValue value) throws XMLStreamException {
        return value(name, value, true);
    }

    /** A value inside a data object: its xsi:type is written only where the value says it is polymorphic. */
    SoapWriter field(String name, WireValue value) throws XMLStreamException {
        return value(name, value, false);
    }

    private SoapWriter value(String name, WireValue value, boolean typed) throws XMLStreamException {
        xml.writeStartElement(name);
        if (value instanceof WireValue.Text t) {
            if (typed && t.xsiType() != null) {
                xml.writeAttribute("xsi", XSI, "type", t.xsiType());
            }
            xml.writeCharacters(t.text());
        } else if (value instanceof WireValue.Ref r) {
            if (typed) {
                xml.writeAttribute("xsi", XSI, "type", "ManagedObjectReference");
            }
            xml.writeAttribute("type", r.type());
            xml.writeCharacters(r.value());
        } else if (value instanceof WireValue.Obj o) {
            if (typed || o.typed()) {
                xml.writeAttribute("xsi", XSI, "type", o.xsiType());
            }
            for (WireValue.Field f : o.fields()) {
                value(f.name(), f.value(), false);
            }
        }
        xml.writeEndElement();
        return this;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
