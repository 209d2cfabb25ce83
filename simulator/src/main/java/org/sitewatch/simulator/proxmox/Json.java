package org.sitewatch.simulator.proxmox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes PVE response envelopes. Views build plain maps and lists with {@link Boolean} values;
 * this class encodes them as 0/1 or true/false according to the site's {@link BooleanStyle}.
 */
final class Json {

    private static final ObjectMapper JSON_STYLE = new ObjectMapper();
    private static final ObjectMapper INT_STYLE = new ObjectMapper().registerModule(
            new SimpleModule("pve-booleans").addSerializer(Boolean.class, new JsonSerializer<>() {
                @Override
                public void serialize(Boolean value, JsonGenerator gen, SerializerProvider sp) throws IOException {
                    gen.writeNumber(value ? 1 : 0);
                }
            }));

    private Json() {
    }

    /** An ordered map of the given key/value pairs; pairs whose value is null are left out. */
    static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    /** {@code {"data": data}}. */
    static byte[] envelope(Object data, BooleanStyle style) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        return write(body, style);
    }

    /** {@code {"data": null, "message": "...\n"}} plus {@code errors} when given. */
    static byte[] error(ApiException e, BooleanStyle style) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", null);
        if (e.errors != null) {
            body.put("errors", e.errors);
        }
        body.put("message", e.getMessage() + "\n");
        return write(body, style);
    }

    private static byte[] write(Object body, BooleanStyle style) {
        try {
            ObjectMapper mapper = style == BooleanStyle.JSON ? JSON_STYLE : INT_STYLE;
            return mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
