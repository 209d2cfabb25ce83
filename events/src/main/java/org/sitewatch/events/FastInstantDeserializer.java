package org.sitewatch.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Instants in JSON: the UTC form Sitewatch writes is read by {@link Rfc3339} (JFR showed the JDK's
 * formatter as about half of decoding a record); every other form goes to Jackson's own deserializer,
 * so what is accepted and how it is read does not change.
 */
final class FastInstantDeserializer extends JsonDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            Instant utc = Rfc3339.parseUtc(parser.getText().trim());
            if (utc != null) {
                return utc;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    @Override
    public Class<?> handledType() {
        return Instant.class;
    }
}
