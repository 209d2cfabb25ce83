package org.sitewatch.collectors.hyperv.wsman;

import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the five SOAP 1.2 requests of a command-shell session (create, command, receive, signal,
 * delete), each with the WS-Addressing and WS-Management headers WinRM requires.
 */
final class WsmanEnvelopes {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final URI to;
    private final long maxEnvelopeBytes;

    /**
     * @param maxEnvelopeBytes what the client asks the server to stay under ({@code w:MaxEnvelopeSize})
     */
    WsmanEnvelopes(URI to, long maxEnvelopeBytes) {
        this.to = to;
        this.maxEnvelopeBytes = maxEnvelopeBytes;
    }

    String createShell(Duration operationTimeout) {
        return envelope(Wsman.ACTION_CREATE, null, operationTimeout,
                Map.of("WINRS_NOPROFILE", "TRUE", "WINRS_CODEPAGE", "65001"), w -> {
                    w.writeStartElement("rsp", "Shell", Wsman.SHELL);
                    text(w, "rsp", "InputStreams", Wsman.SHELL, "stdin");
                    text(w, "rsp", "OutputStreams", Wsman.SHELL, "stdout stderr");
                    w.writeEndElement();
                });
    }

    /**
     * Runs {@code command} directly (WINRS_SKIP_CMD_SHELL), so cmd.exe's 8,191-character line limit
     * does not apply to a long encoded script; the process limit of 32,767 characters does.
     */
    String command(String shellId, String command, String arguments, Duration operationTimeout) {
        return envelope(Wsman.ACTION_COMMAND, shellId, operationTimeout,
                Map.of("WINRS_CONSOLEMODE_STDIN", "TRUE", "WINRS_SKIP_CMD_SHELL", "TRUE"), w -> {
                    w.writeStartElement("rsp", "CommandLine", Wsman.SHELL);
                    text(w, "rsp", "Command", Wsman.SHELL, command);
                    text(w, "rsp", "Arguments", Wsman.SHELL, arguments);
                    w.writeEndElement();
                });
    }

    String receive(String shellId, String commandId, Duration operationTimeout) {
        return envelope(Wsman.ACTION_RECEIVE, shellId, operationTimeout, Map.of(), w -> {
            w.writeStartElement("rsp", "Receive", Wsman.SHELL);
            w.writeStartElement("rsp", "DesiredStream", Wsman.SHELL);
            w.writeAttribute("CommandId", commandId);
            w.writeCharacters("stdout stderr");
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    String terminate(String shellId, String commandId, Duration operationTimeout) {
        return envelope(Wsman.ACTION_SIGNAL, shellId, operationTimeout, Map.of(), w -> {
            w.writeStartElement("rsp", "Signal", Wsman.SHELL);
            w.writeAttribute("CommandId", commandId);
            text(w, "rsp", "Code", Wsman.SHELL, Wsman.SIGNAL_TERMINATE);
            w.writeEndElement();
        });
    }

    String deleteShell(String shellId, Duration operationTimeout) {
        return envelope(Wsman.ACTION_DELETE, shellId, operationTimeout, Map.of(), w -> { });
    }

    private interface Body {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private String envelope(String action, String shellId, Duration operationTimeout, Map<String, String> options,
                            Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("s", "Envelope", Wsman.SOAP);
            w.writeNamespace("s", Wsman.SOAP);
            w.writeNamespace("a", Wsman.ADDRESSING);
            w.writeNamespace("w", Wsman.WSMAN);
            w.writeNamespace("p", Wsman.MS_WSMAN);
            w.writeNamespace("rsp", Wsman.SHELL);
            w.writeStartElement("s", "Header", Wsman.SOAP);
            text(w, "a", "To", Wsman.ADDRESSING, to.toString());
            w.writeStartElement("a", "ReplyTo", Wsman.ADDRESSING);
            mustUnderstand(w, "a", "Address", Wsman.ADDRESSING, "true", Wsman.ANONYMOUS);
            w.writeEndElement();
            mustUnderstand(w, "a", "Action", Wsman.ADDRESSING, "true", action);
            mustUnderstand(w, "w", "MaxEnvelopeSize", Wsman.WSMAN, "true", Long.toString(maxEnvelopeBytes));
            text(w, "a", "MessageID", Wsman.ADDRESSING, "uuid:" + UUID.randomUUID().toString().toUpperCase());
            w.writeEmptyElement("w", "Locale", Wsman.WSMAN);
            w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en-US");
            w.writeAttribute("s", Wsman.SOAP, "mustUnderstand", "false");
            text(w, "w", "OperationTimeout", Wsman.WSMAN, "PT" + Math.max(1, operationTimeout.toSeconds()) + "S");
            mustUnderstand(w, "w", "ResourceURI", Wsman.WSMAN, "true", Wsman.CMD_SHELL);
            if (shellId != null) {
                w.writeStartElement("w", "SelectorSet", Wsman.WSMAN);
                w.writeStartElement("w", "Selector", Wsman.WSMAN);
                w.writeAttribute("Name", "ShellId");
                w.writeCharacters(shellId);
                w.writeEndElement();
                w.writeEndElement();
            }
            if (!options.isEmpty()) {
                w.writeStartElement("w", "OptionSet", Wsman.WSMAN);
                for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
                    w.writeStartElement("w", "Option", Wsman.WSMAN);
                    w.writeAttribute("Name", option.getKey());
                    w.writeCharacters(option.getValue());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("s", "Body", Wsman.SOAP);
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a WS-Management envelope for " + action, e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter w, String prefix, String name, String namespace, String value)
            throws XMLStreamException {
        w.writeStartElement(prefix, name, namespace);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void mustUnderstand(XMLStreamWriter w, String prefix, String name, String namespace, String must,
                                       String value) throws XMLStreamException {
        w.writeStartElement(prefix, name, namespace);
        w.writeAttribute("s", Wsman.SOAP, "mustUnderstand", must);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
