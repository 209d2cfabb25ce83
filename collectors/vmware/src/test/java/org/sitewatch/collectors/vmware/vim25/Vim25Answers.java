package org.sitewatch.collectors.vmware.vim25;

import javax.xml.stream.XMLStreamException;

/** Reads a recorded WaitForUpdatesEx answer the way PropertyCollector decodes it, for tests outside this package. */
public final class Vim25Answers {

    private Vim25Answers() {
    }

    /**
     * @throws VimFault a SOAP fault; XMLStreamException no SOAP envelope (both the transport's MALFORMED);
     *     RuntimeException an answer the decoder cannot use (Vim25Client.decode's MALFORMED)
     */
    public static UpdateSet updateSet(byte[] body) throws VimFault, XMLStreamException {
        return UpdateSet.from(SoapResponseReader.read("WaitForUpdatesEx", body).object("returnval"));
    }

    public static byte[] fixture(String name) {
        return Fixtures.bytes(name);
    }
}
