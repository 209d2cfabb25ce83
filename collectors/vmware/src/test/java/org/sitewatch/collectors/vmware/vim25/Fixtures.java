package org.sitewatch.collectors.vmware.vim25;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The SOAP answers in {@code src/test/resources/vim25} (see its README). */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/vim25/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture vim25/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's response element, read as the client reads it. */
    static DataObject response(String name) throws Exception {
        return SoapResponseReader.read("Test", bytes(name));
    }
}
