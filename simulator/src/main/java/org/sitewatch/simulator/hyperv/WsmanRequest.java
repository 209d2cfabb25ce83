package org.sitewatch.simulator.hyperv;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The parts of a WS-Management request of the shell profile that the simulated listener needs:
 * the action, the shell's {@code ShellId} selector, the command's executable and arguments, the
 * command id of a Receive or Signal, and the message id its answer relates to. Read with StAX,
 * without DTDs or external entities.
 */
record WsmanRequest(String action, String messageId, String shellId, String commandId, String executable,
                    String arguments, String signalCode) {

    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";
    static final String MS_FAULT = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    static final String CREATE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create";
    static final String DELETE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete";
    static final String COMMAND = SHELL + "/Command";
    static final String RECEIVE = SHELL + "/Receive";
    static final String SIGNAL = SHELL + "/Signal";

    private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();

    static {
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        INPUT.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    /** The action's last segment: {@code Create}, {@code Command}, {@code Receive}, {@code Signal}, {@code Delete}. */
    String verb() {
        return action == null ? "" : action.substring(action.lastIndexOf('/') + 1);
    }

    /** @throws IllegalArgumentException when the body is not a SOAP envelope with an action */
    static WsmanRequest parse(byte[] body) {
        String action = null;
        String messageId = null;
        String shellId = null;
        String commandId = null;
        String executable = null;
        String arguments = null;
        String signalCode = null;
        boolean envelope = false;
        try {
            XMLStreamReader r = INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String ns = r.getNamespaceURI();
                String name = r.getLocalName();
                if (SOAP.equals(ns) && name.equals("Envelope")) {
                    envelope = true;
                } else if (ADDRESSING.equals(ns) && name.equals("Action")) {
                    action = r.getElementText().trim();
                } else if (ADDRESSING.equals(ns) && name.equals("MessageID")) {
                    messageId = r.getElementText().trim();
                } else if (WSMAN.equals(ns) && name.equals("Selector") && "ShellId".equals(r.getAttributeValue(null, "Name"))) {
                    shellId = r.getElementText().trim();
                } else if (SHELL.equals(ns) && (name.equals("DesiredStream") || name.equals("Signal"))) {
                    commandId = r.getAttributeValue(null, "CommandId");
                    if (name.equals("Signal")) {
                        signalCode = readSignalCode(r);
                    }
                } else if (SHELL.equals(ns) && name.equals("Command")) {
                    executable = r.getElementText().trim();
                } else if (SHELL.equals(ns) && name.equals("Arguments")) {
                    arguments = arguments == null ? r.getElementText().trim() : arguments + " " + r.getElementText().trim();
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("the request is not XML: " + e.getMessage());
        }
        if (!envelope || action == null) {
            throw new IllegalArgumentException("the request is not a WS-Management envelope with an Action");
        }
        return new WsmanRequest(action, messageId, shellId, commandId, executable, arguments, signalCode);
    }

    private static String readSignalCode(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT && SHELL.equals(r.getNamespaceURI())
                    && r.getLocalName().equals("Code")) {
                return r.getElementText().trim();
            }
            if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("Signal")) {
                return null;
            }
        }
        return null;
    }
}
