package org.sitewatch.collectors.hyperv.wsman;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.sitewatch.collectors.spi.http.ntlm.NtlmAcceptor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A WinRM listener for tests on 127.0.0.1: it speaks the WS-Management shell profile (create,
 * command, receive, signal, delete) and logs clients in with Basic or with NTLMv2 under
 * Negotiate ({@link NtlmAcceptor}, which checks the client's NTProofStr). Like WinRM it
 * authenticates a TCP connection, not a request. The receive
 * answers are scripted per test; every request's action is recorded.
 */
final class FakeWinrmService implements AutoCloseable {

    enum Login { BASIC, NTLM }

    /** One scripted answer to a Receive: output chunks, or a fault, or the end of the command. */
    record ReceiveAnswer(byte[] stdout, String stderr, Integer exitCode, String faultSubcode) {
        static ReceiveAnswer output(String stdout) {
            return output(stdout.getBytes(StandardCharsets.UTF_8));
        }

        /** Raw bytes: a chunk may end inside a multi-byte UTF-8 character, as the service's chunks do. */
        static ReceiveAnswer output(byte[] stdout) {
            return new ReceiveAnswer(stdout, null, null, null);
        }

        static ReceiveAnswer done(String stdout, String stderr, int exitCode) {
            return new ReceiveAnswer(stdout.getBytes(StandardCharsets.UTF_8), stderr, exitCode, null);
        }

        static ReceiveAnswer fault(String subcode) {
            return new ReceiveAnswer(null, null, null, subcode);
        }
    }

    private final HttpServer server;
    private final Login login;
    private final String user;
    private final String password;
    private final List<String> actions = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final Deque<ReceiveAnswer> receiveAnswers = new ArrayDeque<>();
    private final Map<String, String> faultsByAction = Collections.synchronizedMap(new HashMap<>());
    private final NtlmAcceptor ntlm;
    private volatile String lastScript;
    private volatile String lastOperationTimeout;
    private volatile String shellId;
    private volatile int padAnswersTo;

    FakeWinrmService(Login login, String domain, String user, String password) throws IOException {
        this.login = login;
        this.user = user;
        this.password = password;
        this.ntlm = new NtlmAcceptor("Negotiate", domain, user, password);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/wsman", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wsman");
    }

    synchronized void answerReceives(ReceiveAnswer... answers) {
        receiveAnswers.addAll(Arrays.asList(answers));
    }

    /** Answers every request of {@code action} ("Create", "Command", "Receive", ...) with a fault. */
    void failAction(String action, String subcode) {
        faultsByAction.put(action, subcode);
    }

    /** Makes each 200 answer at least this long (an XML comment), to test the client's cap. */
    void padAnswersTo(int bytes) {
        this.padAnswersTo = bytes;
    }

    List<String> actions() {
        return List.copyOf(actions);
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    String lastScript() {
        return lastScript;
    }

    String lastOperationTimeout() {
        return lastOperationTimeout;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization.split(" ")[0]);
            String connection = exchange.getRemoteAddress().toString();
            if (!loggedIn(exchange, connection, authorization)) {
                return;
            }
            Document request = parse(body);
            String action = text(request, Wsman.ADDRESSING, "Action");
            String name = action.substring(action.lastIndexOf('/') + 1);
            actions.add(name);
            lastOperationTimeout = text(request, Wsman.WSMAN, "OperationTimeout");
            String fault = faultsByAction.get(name);
            if (fault != null) {
                reply(exchange, 500, fault(fault));
                return;
            }
            switch (name) {
                case "Create" -> {
                    shellId = UUID.randomUUID().toString().toUpperCase();
                    reply(exchange, 200, envelope("<rsp:Shell><rsp:ShellId>" + shellId + "</rsp:ShellId></rsp:Shell>"));
                }
                case "Command" -> {
                    requireShell(request);
                    String arguments = text(request, Wsman.SHELL, "Arguments");
                    String encoded = arguments.substring(arguments.lastIndexOf(' ') + 1);
                    lastScript = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_16LE);
                    reply(exchange, 200, envelope("<rsp:CommandResponse><rsp:CommandId>C-1</rsp:CommandId>"
                            + "</rsp:CommandResponse>"));
                }
                case "Receive" -> {
                    requireShell(request);
                    ReceiveAnswer answer;
                    synchronized (this) {
                        answer = receiveAnswers.isEmpty() ? ReceiveAnswer.fault("TimedOut") : receiveAnswers.poll();
                    }
                    if (answer.faultSubcode() != null) {
                        reply(exchange, 500, fault(answer.faultSubcode()));
                    } else {
                        reply(exchange, 200, envelope(receiveResponse(answer)));
                    }
                }
                case "Signal", "Delete" -> {
                    requireShell(request);
                    reply(exchange, 200, envelope(""));
                }
                default -> reply(exchange, 500, fault("ActionNotSupported"));
            }
        } catch (RuntimeException e) {
            // A broken request is the client's bug: answer so the test sees it, not a hang.
            byte[] text = ("fake WinRM: " + e).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, text.length);
            exchange.getResponseBody().write(text);
        }
    }

    private boolean loggedIn(HttpExchange exchange, String connection, String authorization) throws IOException {
        if (login == FakeWinrmService.Login.BASIC) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(authorization)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"WSMAN\"");
                reply(exchange, 401, "");
                return false;
            }
            return true;
        }
        NtlmAcceptor.Outcome outcome = ntlm.accept(connection, authorization);
        if (outcome instanceof NtlmAcceptor.Accepted) {
            return true;
        }
        if (outcome instanceof NtlmAcceptor.Challenge challenge) {
            exchange.getResponseHeaders().add("WWW-Authenticate", challenge.wwwAuthenticate());
            if (challenge.wwwAuthenticate().equals("Negotiate")) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Kerberos");
            }
        }
        reply(exchange, 401, "");
        return false;
    }

    private void requireShell(Document request) {
        NodeList selectors = request.getElementsByTagNameNS(Wsman.WSMAN, "Selector");
        if (selectors.getLength() != 1 || !shellId.equals(selectors.item(0).getTextContent())) {
            throw new IllegalStateException("request without this shell's ShellId selector");
        }
    }

    private static String receiveResponse(ReceiveAnswer answer) {
        StringBuilder xml = new StringBuilder("<rsp:ReceiveResponse>");
        if (answer.stdout() != null) {
            xml.append(stream("stdout", answer.stdout()));
        }
        if (answer.stderr() != null) {
            xml.append(stream("stderr", answer.stderr().getBytes(StandardCharsets.UTF_8)));
        }
        if (answer.exitCode() != null) {
            xml.append("<rsp:Stream Name=\"stdout\" CommandId=\"C-1\" End=\"true\"></rsp:Stream>")
                    .append("<rsp:CommandState CommandId=\"C-1\" State=\"").append(Wsman.COMMAND_STATE_DONE)
                    .append("\"><rsp:ExitCode>").append(answer.exitCode()).append("</rsp:ExitCode></rsp:CommandState>");
        } else {
            xml.append("<rsp:CommandState CommandId=\"C-1\" State=\"").append(Wsman.SHELL)
                    .append("/CommandState/Running\"/>");
        }
        return xml.append("</rsp:ReceiveResponse>").toString();
    }

    private static String stream(String name, byte[] bytes) {
        return "<rsp:Stream Name=\"" + name + "\" CommandId=\"C-1\">"
                + Base64.getEncoder().encodeToString(bytes) + "</rsp:Stream>";
    }

    private static String fault(String subcode) {
        long code = switch (subcode) {
            case "TimedOut" -> 2150858793L;
            case "AccessDenied" -> 5L;
            default -> 2150858843L;
        };
        return "<s:Envelope xmlns:s=\"" + Wsman.SOAP + "\" xmlns:w=\"" + Wsman.WSMAN + "\"><s:Body><s:Fault>"
                + "<s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value>w:" + subcode + "</s:Value></s:Subcode>"
                + "</s:Code><s:Reason><s:Text xml:lang=\"en-US\">The WS-Management service cannot complete the "
                + "operation.</s:Text></s:Reason><s:Detail><f:WSManFault xmlns:f=\"" + Wsman.MS_FAULT + "\" Code=\""
                + code + "\" Machine=\"hv-a1\"><f:Message>fake " + subcode + " &amp; detail</f:Message></f:WSManFault>"
                + "</s:Detail></s:Fault></s:Body></s:Envelope>";
    }

    private String envelope(String body) {
        String padding = padAnswersTo > 0 ? "<!--" + "x".repeat(padAnswersTo) + "-->" : "";
        return "<s:Envelope xmlns:s=\"" + Wsman.SOAP + "\" xmlns:rsp=\"" + Wsman.SHELL + "\">" + padding
                + "<s:Header/><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/soap+xml;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Document parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
        }
    }

    private static String text(Document document, String namespace, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
        if (nodes.getLength() == 0) {
            throw new IllegalArgumentException("no " + localName + " element");
        }
        return ((Element) nodes.item(0)).getTextContent().trim();
    }
}
