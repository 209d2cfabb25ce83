package org.sitewatch.collectors.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import org.sitewatch.collectors.spi.CollectorException;

/** One logged-in GET of the Monitor Service: a path below the OData root, or a same-origin link it sent. */
interface MonitorTransport extends AutoCloseable {

    /** @throws CollectorException classified; the message names the path, never a credential */
    JsonNode get(String pathOrUrl) throws CollectorException;

    @Override
    default void close() {
    }
}
