package org.sitewatch.simulator.vsphere;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One vim25 call as the front reads it from a SOAP envelope: the method (the body's first
 * element) and its arguments as a tree of elements, {@code _this} first. DTDs and external entities
 * are refused.
 */
record SoapCall(String method, Node args) {

    private static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLInputFactory INPUT = secureFactory();

    /**
     * One element: its name, its {@code type} attribute (a reference's type), its {@code xsi:type}
     * without prefix, its text and its child elements in order.
     */
    record Node(String name, String refType, String xsiType, String text, List<Node> children) {

        Node {
            children = List.copyOf(children);
        }

        Node child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
        }

        List<Node> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        /** The trimmed text of a child, or null when it is absent. */
        String text(String childName) {
            Node c = child(childName);
            return c == null ? null : c.text.trim();
        }

        /** The text of every child of that name. */
        List<String> texts(String childName) {
            return all(childName).stream().map(c -> c.text.trim()).toList();
        }

        /** A child that is a reference, or null. */
        MoRef ref(String childName) {
            Node c = child(childName);
            return c == null || c.refType == null ? null : new MoRef(c.refType, c.text.trim());
        }
    }

    /** The call's {@code _this}: the object the method is called on. */
    MoRef target() {
        return args.ref("_this");
    }

    /** @throws XMLStreamException when the body is not a SOAP envelope with a method element */
    static SoapCall parse(byte[] body) throws XMLStreamException {
        XMLStreamReader xml = INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
        try {
            if (!nextElement(xml) || !isSoap(xml, "Envelope")) {
                throw new XMLStreamException("not a SOAP envelope");
            }
            while (nextElement(xml)) {
                if (isSoap(xml, "Body")) {
                    if (!nextElement(xml)) {
                        throw new XMLStreamException("an empty soapenv:Body");
                    }
                    Node method = read(xml);
                    return new SoapCall(method.name(), method);
                }
                skip(xml);
            }
            throw new XMLStreamException("no soapenv:Body");
        } finally {
            xml.close();
        }
    }

    private static Node read(XMLStreamReader xml) throws XMLStreamException {
        String name = xml.getLocalName();
        String refType = null;
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String ns = xml.getAttributeNamespace(i);
            if ((ns == null || ns.isEmpty()) && "type".equals(xml.getAttributeLocalName(i))) {
                refType = xml.getAttributeValue(i);
            }
        }
        String xsiType = xml.getAttributeValue(XSI, "type");
        if (xsiType != null && xsiType.contains(":")) {
            xsiType = xsiType.substring(xsiType.indexOf(':') + 1);
        }
        StringBuilder text = new StringBuilder();
        List<Node> children = new ArrayList<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                children.add(read(xml));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return new Node(name, refType, xsiType, text.toString(), children);
            }
        }
    }

    private static boolean isSoap(XMLStreamReader xml, String localName) {
        return xml.isStartElement() && SOAP_ENV.equals(xml.getNamespaceURI()) && localName.equals(xml.getLocalName());
    }

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

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
