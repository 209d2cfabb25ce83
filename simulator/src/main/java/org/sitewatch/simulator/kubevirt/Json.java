package org.sitewatch.simulator.kubevirt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Small helpers for the Kubernetes JSON this front writes. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** A Kubernetes timestamp: RFC 3339 in UTC, whole seconds. */
    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A condition as Kubernetes writes one: type, status ({@code True}, {@code False}, {@code Unknown}), reason, message. */
    static ObjectNode condition(String type, String status, Instant since, String reason, String message) {
        ObjectNode c = object().put("type", type).put("status", status);
        c.putNull("lastProbeTime");
        c.put("lastTransitionTime", time(since));
        if (reason != null) {
            c.put("reason", reason);
        }
        if (message != null) {
            c.put("message", message);
        }
        return c;
    }

    /** A {@code Status} object, as the API server answers errors (and watch ERROR events carry). */
    static ObjectNode status(int code, String reason, String message) {
        ObjectNode s = object().put("kind", "Status").put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
        return s;
    }
}
