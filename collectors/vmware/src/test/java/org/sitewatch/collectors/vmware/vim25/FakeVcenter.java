package org.sitewatch.collectors.vmware.vim25;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted SOAP endpoint on 127.0.0.1 for client tests: answers each vim25 method with the
 * answers given for it, in order (the last one repeats), and records every call it got.
 */
final class FakeVcenter implements AutoCloseable {

    /** One call as received; {@code cookie} is null when none was sent. */
    record Call(String method, String soapAction, String contentType, String cookie, String body) {
    }

    /** One scripted answer. */
    record Answer(int status, byte[] body, String setCookie) {
        static Answer fixture(String name) {
            return new Answer(name.startsWith("fault-") ? 500 : 200, Fixtures.bytes(name), null);
        }

        static Answer raw(int status, String body) {
            return new Answer(status, body.getBytes(StandardCharsets.UTF_8), null);
        }

        Answer withCookie(String setCookie) {
            return new Answer(status, body, setCookie);
        }
    }

    private static final Pattern METHOD = Pattern.compile("Body><([A-Za-z_]+)");
    private static final Answer EMPTY = Answer.raw(200, """
            <?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">\
            <soapenv:Body><Response xmlns="urn:vim25"/></soapenv:Body></soapenv:Envelope>""");

    private final HttpServer server;
    private final Map<String, Deque<Answer>> script = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    FakeVcenter() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        on("RetrieveServiceContent", Answer.fixture("service-content.xml"));
        on("Login", Answer.fixture("login.xml").withCookie("vmware_soap_session=\"s-1\"; Path=/; HttpOnly"));
    }

    /** Scripts the answers to {@code method}, replacing earlier ones. */
    FakeVcenter on(String method, Answer... answers) {
        synchronized (script) {
            script.put(method, new ArrayDeque<>(List.of(answers)));
        }
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<String> methods() {
        return calls().stream().map(Call::method).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher method = METHOD.matcher(body);
        String name = method.find() ? method.group(1) : "?";
        synchronized (calls) {
            calls.add(new Call(name, exchange.getRequestHeaders().getFirst("SOAPAction"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Cookie"), body));
        }
        Answer answer;
        synchronized (script) {
            Deque<Answer> answers = script.get(name);
            answer = answers == null ? EMPTY : answers.size() > 1 ? answers.poll() : answers.peek();
        }
        if (answer.setCookie() != null) {
            exchange.getResponseHeaders().add("Set-Cookie", answer.setCookie());
        }
        exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
