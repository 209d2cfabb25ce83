package org.sitewatch.collectors.vmware.vim25;

import java.io.StringWriter;
import java.time.Duration;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One vim25 call as a SOAP 1.1 envelope, written with the JDK's StAX writer so every name, text
 * and attribute value is escaped. Elements go in the order of the WSDL's sequences: vCenter reads
 * them in that order.
 *
 * <pre>{@code
 * SoapRequest.call("Login", sessionManager).text("userName", user).text("password", password)
 * }</pre>
 *
 * <p>The written XML may hold a credential: it is sent, never logged, and {@link #toString()}
 * names only the method.
 */
public final class SoapRequest {

    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String VIM25 = "urn:vim25";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final String method;
    private final StringWriter out = new StringWriter();
    private final XMLStreamWriter xml;
    private Duration serverWait = Duration.ZERO;
    private String written;

    private SoapRequest(String method) {
        this.method = method;
        try {
            xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soapenv", "Envelope", SOAP_ENV);
            xml.writeNamespace("soapenv", SOAP_ENV);
            xml.writeNamespace("xsi", XSI);
            xml.writeStartElement("soapenv", "Body", SOAP_ENV);
            xml.writeStartElement("", method, VIM25);
            xml.writeDefaultNamespace(VIM25);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A call of {@code method} on the managed object {@code target} (the {@code _this} argument). */
    public static SoapRequest call(String method, MoRef target) {
        return new SoapRequest(Objects.requireNonNull(method, "method")).moRef("_this", target);
    }

    /** An element holding text; nothing is written for a null value (an unset optional argument). */
    public SoapRequest text(String name, Object value) {
        if (value == null) {
            return this;
        }
        return write(() -> {
            xml.writeStartElement(name);
            xml.writeCharacters(value.toString());
            xml.writeEndElement();
        });
    }

    /** One element per value: how SOAP writes an array argument or field. */
    public SoapRequest texts(String name, Iterable<?> values) {
        values.forEach(value -> text(name, value));
        return this;
    }

    /** A managed object reference: {@code <name type="VirtualMachine">vm-42</name>}; nothing for null. */
    public SoapRequest moRef(String name, MoRef ref) {
        if (ref == null) {
            return this;
        }
        return write(() -> {
            xml.writeStartElement(name);
            xml.writeAttribute("type", ref.type());
            xml.writeCharacters(ref.value());
            xml.writeEndElement();
        });
    }

    /** Opens a data object element; close it with {@link #end()}. */
    public SoapRequest start(String name) {
        return write(() -> xml.writeStartElement(name));
    }

    /** Opens a data object element of a subtype the schema declares more generally (e.g. {@code TraversalSpec}). */
    public SoapRequest start(String name, String xsiType) {
        return write(() -> {
            xml.writeStartElement(name);
            xml.writeAttribute("xsi", XSI, "type", xsiType);
        });
    }

    public SoapRequest end() {
        return write(xml::writeEndElement);
    }

    /**
     * How long the server may hold this call before answering (WaitForUpdatesEx's
     * {@code maxWaitSeconds}): the HTTP time-out is extended by as much.
     */
    public SoapRequest serverWait(Duration wait) {
        this.serverWait = Objects.requireNonNull(wait, "wait");
        return this;
    }

    public String method() {
        return method;
    }

    Duration serverWait() {
        return serverWait;
    }

    /** The envelope; the first call closes every open element, later calls return the same text. */
    String xml() {
        if (written == null) {
            try {
                xml.writeEndDocument();
                xml.close();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
            written = out.toString();
        }
        return written;
    }

    @Override
    public String toString() {
        return "SoapRequest[" + method + "]";
    }

    private SoapRequest write(XmlStep step) {
        if (written != null) {
            throw new IllegalStateException(method + " request already written");
        }
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    @FunctionalInterface
    private interface XmlStep {
        void run() throws XMLStreamException;
    }
}
