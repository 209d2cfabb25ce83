package org.sitewatch.collectors.vmware.vim25;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a vim25 SOAP answer with the JDK's StAX parser into plain Java values (see
 * {@link DataObject}): the body's response element, or the {@link VimFault} its
 * {@code soapenv:Fault} describes.
 *
 * <p>Typing rules: an {@code xsi:type} of the XML Schema namespace gives a Java scalar
 * ({@code xsd:boolean} a {@code Boolean}, {@code xsd:int} an {@code Integer}, {@code xsd:long} a
 * {@code Long}, {@code xsd:dateTime} an {@code Instant}, ...); an element with a {@code type}
 * attribute and text is a {@link MoRef}; an {@code ArrayOf...} type a {@code List} whose items are
 * typed by their element names ({@code <string>}, {@code <int>}, {@code <ManagedObjectReference>});
 * an element with children a {@link DataObject}; any other text (enum values, untyped fields) a
 * {@code String}. DTDs and external entities are refused.
 */
final class SoapResponseReader {

    private static final String XSD = "http://www.w3.org/2001/XMLSchema";
    private static final XMLInputFactory INPUT = secureFactory();
    /** How deep the body's elements may nest. */
    static final int MAX_DEPTH = 256;

    private SoapResponseReader() {
    }

    /**
     * The response element of a successful call ({@code <LoginResponse>}) as a data object whose
     * {@code returnval} field is the result (absent for a void call or an empty answer).
     *
     * @throws VimFault when the body is a SOAP fault
     * @throws XMLStreamException when the answer is not a SOAP envelope
     */
    static DataObject read(String method, byte[] body) throws VimFault, XMLStreamException {
        XMLStreamReader xml = INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
        try {
            enter(xml, "Envelope");
            while (nextElement(xml) && !isSoap(xml, "Body")) {
                skip(xml);
            }
            if (!isSoap(xml, "Body")) {
                throw new XMLStreamException("no soapenv:Body in the answer");
            }
            if (!nextElement(xml)) {
                return new DataObject(null, Map.of());
            }
            boolean fault = isSoap(xml, "Fault");
            Object content = readValue(xml, null, 0);
            DataObject element = content instanceof DataObject object ? object : new DataObject(null, Map.of());
            if (fault) {
                throw VimFault.of(method, element);
            }
            return element;
        } finally {
            xml.close();
        }
    }

    private static void enter(XMLStreamReader xml, String envelope) throws XMLStreamException {
        if (!nextElement(xml) || !isSoap(xml, envelope)) {
            throw new XMLStreamException("the answer is not a SOAP envelope");
        }
    }

    private static boolean isSoap(XMLStreamReader xml, String localName) {
        return xml.isStartElement() && SoapRequest.SOAP_ENV.equals(xml.getNamespaceURI())
                && localName.equals(xml.getLocalName());
    }

    /** Moves to the next start element below the current one; false at the current element's end. */
    private static boolean nextElement(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    /** Reads the element the parser is on, up to its end, as a value; {@code impliedType} types an array item. */
    private static Object readValue(XMLStreamReader xml, String impliedType, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            // read recursively: a deeper answer would overflow the stack (vim25 objects nest a few dozen levels)
            throw new XMLStreamException("the answer nests elements deeper than " + MAX_DEPTH + " levels");
        }
        String declared = xsiType(xml);
        String type = declared != null ? declared : impliedType;
        String refType = referenceType(xml);
        boolean array = type != null && type.startsWith("ArrayOf");
        List<Object> items = new ArrayList<>();
        Map<String, List<Object>> fields = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                Object child = readValue(xml, array ? name : null, depth + 1);
                if (array) {
                    items.add(child);
                } else {
                    fields.computeIfAbsent(name, k -> new ArrayList<>()).add(child);
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (array) {
            return List.copyOf(items);
        }
        if (!fields.isEmpty()) {
            Map<String, Object> values = new LinkedHashMap<>();
            fields.forEach((name, list) -> values.put(name, list.size() == 1 ? list.get(0) : List.copyOf(list)));
            return new DataObject(type, values);
        }
        return scalar(type, refType, text.toString());
    }

    private static Object scalar(String type, String refType, String text) {
        if (refType != null && (type == null || type.equals("ManagedObjectReference"))) {
            return new MoRef(refType, text.trim());
        }
        if (type == null) {
            return text;
        }
        String trimmed = text.trim();
        try {
            switch (type.startsWith("xsd:") ? type.substring(4) : type) {
                case "string", "anyURI":
                    return text;
                case "boolean":
                    return "true".equals(trimmed) || "1".equals(trimmed);
                case "int", "short", "byte":
                    return Integer.valueOf(trimmed);
                case "long":
                    return Long.valueOf(trimmed);
                case "float", "double":
                    return Double.valueOf(trimmed);
                case "dateTime":
                    return OffsetDateTime.parse(trimmed).toInstant();
                default:
                    // An enum value is text; a typed element with no text is a data object with no set field.
                    return trimmed.isEmpty() && !type.startsWith("xsd:") ? new DataObject(type, Map.of()) : text;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return text; // a server writing a bad number should not fail the whole answer
        }
    }

    /** The {@code xsi:type} attribute with XML Schema types as {@code xsd:name} whatever their prefix; null when absent. */
    /**
     * A reference's {@code type="HostSystem"}: the attribute without a namespace. Asking the parser for "type" in no
     * particular namespace can answer {@code xsi:type} instead, which vCenter and vcsim write first.
     */
    private static String referenceType(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if ((namespace == null || namespace.isEmpty()) && "type".equals(xml.getAttributeLocalName(i))) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    private static String xsiType(XMLStreamReader xml) {
        String value = xml.getAttributeValue(SoapRequest.XSI, "type");
        if (value == null) {
            return null;
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return value;
        }
        String local = value.substring(colon + 1);
        return XSD.equals(xml.getNamespaceURI(value.substring(0, colon))) ? "xsd:" + local : local;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
