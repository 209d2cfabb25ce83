package org.sitewatch.simulator.vsphere;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.front.FrontExchange;

/**
 * Scenario faults on the REST appliances (vSphere Replication, SRM) as their gateways show them:
 * {@code http500}, {@code http501} and {@code http404} with the {@code error_code} body, {@code auth}
 * a 401 without a body, {@code malformed} a cut JSON answer, {@code timeout} no answer. Applied by
 * the front before any {@link VsphereRestApi}, so the REST views need not handle faults.
 */
final class RestFaults {

    private static final byte[] CUT_JSON = "{\"list\":[{\"id\":".getBytes(StandardCharsets.UTF_8);

    private RestFaults() {
    }

    /** Answers with the fault; false when the call goes on as usual. */
    static boolean inject(FrontExchange fx, ApiFaultKind fault) throws IOException {
        HttpExchange ex = fx.http();
        switch (fault) {
            case TIMEOUT -> fx.holdThenDrop();
            case MALFORMED -> {
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, CUT_JSON.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(CUT_JSON);
                }
            }
            case HTTP500 -> RestErrors.send(ex, 500, "INTERNAL_SERVER_ERROR", "simulated internal server error");
            case HTTP501 -> RestErrors.send(ex, 501, "NOT_IMPLEMENTED", "not implemented in this version");
            case HTTP404 -> RestErrors.send(ex, 404, "NOT_FOUND", "Not found: " + ex.getRequestURI().getPath());
            case AUTH -> {
                ex.sendResponseHeaders(401, -1);
                ex.close();
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
