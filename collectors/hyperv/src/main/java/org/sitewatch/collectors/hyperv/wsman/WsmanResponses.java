package org.sitewatch.collectors.hyperv.wsman;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Reads the answers of a command-shell session with StAX (no DTDs, no external entities): the
 * shell id, the command id, a receive's stream chunks and command state, and SOAP faults. An answer
 * that lacks what it must hold is a retriable MALFORMED failure naming the operation.
 */
final class WsmanResponses {

    private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();

    static {
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        INPUT.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private WsmanResponses() {
    }

    /** What one Receive returned for the command. */
    record ReceiveChunk(byte[] stdout, byte[] stderr, boolean done, Integer exitCode) {
    }

    /** The new shell's id, from {@code rsp:ShellId} or the {@code ShellId} selector of {@code ResourceCreated}. */
    static String shellId(byte[] body) throws CollectorException {
        try {
            XMLStreamReader r = reader(body);
            String fromSelector = null;
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (is(r, Wsman.SHELL, "ShellId")) {
                    return r.getElementText().trim();
                }
                if (is(r, Wsman.WSMAN, "Selector") && "ShellId".equals(r.getAttributeValue(null, "Name"))) {
                    fromSelector = r.getElementText().trim();
                }
            }
            if (fromSelector != null && !fromSelector.isEmpty()) {
                return fromSelector;
            }
        } catch (XMLStreamException e) {
            throw malformed("Create shell", e);
        }
        throw malformed("Create shell", null);
    }

    static String commandId(byte[] body) throws CollectorException {
        try {
            XMLStreamReader r = reader(body);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && is(r, Wsman.SHELL, "CommandId")) {
                    String id = r.getElementText().trim();
                    if (!id.isEmpty()) {
                        return id;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw malformed("Command", e);
        }
        throw malformed("Command", null);
    }

    /** The chunks of {@code commandId}'s stdout and stderr in this answer, and whether the command is done. */
    static ReceiveChunk receive(byte[] body, String commandId) throws CollectorException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        boolean sawResponse = false;
        boolean done = false;
        Integer exitCode = null;
        try {
            XMLStreamReader r = reader(body);
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (is(r, Wsman.SHELL, "ReceiveResponse")) {
                    sawResponse = true;
                } else if (is(r, Wsman.SHELL, "Stream") && forCommand(r, commandId)) {
                    String name = r.getAttributeValue(null, "Name");
                    byte[] chunk = Base64.getMimeDecoder().decode(r.getElementText().trim());
                    ("stderr".equals(name) ? stderr : stdout).writeBytes(chunk);
                } else if (is(r, Wsman.SHELL, "CommandState") && forCommand(r, commandId)) {
                    done = Wsman.COMMAND_STATE_DONE.equals(r.getAttributeValue(null, "State"));
                } else if (is(r, Wsman.SHELL, "ExitCode")) {
                    exitCode = parseExitCode(r.getElementText().trim());
                }
            }
        } catch (XMLStreamException | IllegalArgumentException e) {
            throw malformed("Receive", e);
        }
        if (!sawResponse) {
            throw malformed("Receive", null);
        }
        return new ReceiveChunk(stdout.toByteArray(), stderr.toByteArray(), done, exitCode);
    }

    /** The fault in {@code body}, classified; null when the body holds no SOAP fault. */
    static WsmanFault fault(String operation, byte[] body) {
        String subcode = null;
        Long windowsCode = null;
        String reason = null;
        String detailMessage = null;
        boolean sawFault = false;
        try {
            XMLStreamReader r = reader(body);
            boolean inSubcode = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT && is(r, Wsman.SOAP, "Subcode")) {
                    inSubcode = false;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (is(r, Wsman.SOAP, "Fault")) {
                    sawFault = true;
                } else if (is(r, Wsman.SOAP, "Subcode")) {
                    inSubcode = true;
                } else if (inSubcode && is(r, Wsman.SOAP, "Value") && subcode == null) {
                    String value = r.getElementText().trim();
                    subcode = value.substring(value.indexOf(':') + 1);
                } else if (is(r, Wsman.SOAP, "Text") && reason == null) {
                    reason = r.getElementText().trim();
                } else if (is(r, Wsman.MS_FAULT, "WSManFault")) {
                    windowsCode = parseCode(r.getAttributeValue(null, "Code"));
                } else if (is(r, Wsman.MS_FAULT, "Message") && detailMessage == null) {
                    detailMessage = allText(r);
                }
            }
        } catch (XMLStreamException e) {
            return null;
        }
        if (!sawFault) {
            return null;
        }
        return WsmanFault.of(operation, subcode, windowsCode,
                detailMessage != null && !detailMessage.isEmpty() ? detailMessage : reason);
    }

    private static XMLStreamReader reader(byte[] body) throws XMLStreamException {
        return INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
    }

    private static boolean is(XMLStreamReader r, String namespace, String localName) {
        return localName.equals(r.getLocalName()) && namespace.equals(r.getNamespaceURI());
    }

    private static boolean forCommand(XMLStreamReader r, String commandId) {
        String id = r.getAttributeValue(null, "CommandId");
        return id == null || id.equalsIgnoreCase(commandId);
    }

    /** The text of an element and all its descendants (a fault message may hold markup). */
    private static String allText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            }
        }
        return text.toString().trim().replaceAll("\\s+", " ");
    }

    private static Integer parseExitCode(String text) {
        try {
            return (int) Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("exit code '" + text + "' is not a number", e);
        }
    }

    private static Long parseCode(String text) {
        try {
            return text == null ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static CollectorException malformed(String operation, Exception cause) {
        String detail = cause == null ? "it lacks the expected element" : cause.getMessage();
        return CollectorException.retriable(CollectorErrorKind.MALFORMED,
                "WinRM " + operation + ": the answer is not the WS-Management message expected (" + detail + ")", cause);
    }
}
