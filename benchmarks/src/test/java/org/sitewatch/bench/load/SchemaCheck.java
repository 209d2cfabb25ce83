package org.sitewatch.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sitewatch.events.EventType;
import org.sitewatch.events.Json;
import org.sitewatch.events.SitewatchEvent;

/**
 * Checks an event's JSON data against the JSON Schema shipped in the events jar, for the keywords
 * those schemas use at the top level: properties (nothing undeclared), required, type, enum,
 * pattern, minLength, minimum. The benchmark module has no JSON Schema library; the events module's
 * own tests validate the schemas themselves with one.
 */
final class SchemaCheck {

    private final Map<EventType, JsonNode> schemas = new EnumMap<>(EventType.class);

    List<String> problems(SitewatchEvent event) {
        JsonNode schema = schemas.computeIfAbsent(event.type(), SchemaCheck::load);
        JsonNode data = Json.MAPPER.valueToTree(event.data());
        List<String> problems = new ArrayList<>();
        for (JsonNode required : schema.get("required")) {
            if (!data.has(required.asText())) {
                problems.add(required.asText() + " is required");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode rule = schema.get("properties").get(field.getKey());
            if (rule == null) {
                problems.add(field.getKey() + " is not in the schema");
            } else {
                check(field.getKey(), field.getValue(), rule, problems);
            }
        }
        return problems;
    }

    private static void check(String name, JsonNode value, JsonNode rule, List<String> problems) {
        if (rule.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : rule.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(name + " " + value + " is not one of " + rule.get("enum"));
            }
        }
        String type = rule.path("type").asText("");
        boolean typed = switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            default -> true;
        };
        if (!typed) {
            problems.add(name + " " + value + " is not of type " + type);
        }
        if (rule.has("pattern") && !value.asText().matches(rule.get("pattern").asText())) {
            problems.add(name + " '" + value.asText() + "' does not match " + rule.get("pattern").asText());
        }
        if (rule.has("minLength") && value.asText().length() < rule.get("minLength").asInt()) {
            problems.add(name + " is shorter than " + rule.get("minLength").asInt());
        }
        if (rule.has("minimum") && value.asLong() < rule.get("minimum").asLong()) {
            problems.add(name + " " + value + " is below " + rule.get("minimum").asLong());
        }
    }

    private static JsonNode load(EventType type) {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no schema " + type.schemaResource() + " in the events jar");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
