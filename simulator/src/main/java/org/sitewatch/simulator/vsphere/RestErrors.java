package org.sitewatch.simulator.vsphere;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The error body of the vSphere Replication and SRM REST appliances,
 * {@code {"error_code":"NOT_FOUND","message":"...","op_id":"..."}}, for every {@link VsphereRestApi}.
 */
public final class RestErrors {

    private RestErrors() {
    }

    /** Writes an error answer with a fresh operation id. */
    public static void send(HttpExchange exchange, int status, String errorCode, String message) throws IOException {
        byte[] body = ("{\"error_code\":\"" + json(errorCode) + "\",\"message\":\"" + json(message)
                + "\",\"op_id\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Escapes a text for a JSON string. */
    public static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
