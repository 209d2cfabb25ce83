package org.sitewatch.collectors.vmware.vim25;

import java.util.List;
import java.util.Objects;
import org.sitewatch.collectors.spi.CollectorException;

/**
 * Event history collectors of the EventManager: create one for a filter, page through it with
 * {@code ReadNextEvents} (newer) and {@code ReadPreviousEvents} (older), destroy it. vCenter caps
 * the collectors of a session (32 by default), so destroy what you no longer read.
 *
 * <p>Limits: a collector ends with the session (see {@link Vim25Client#logins()}). The order
 * within a page is the server's: vcsim returns newest first, so callers order by {@code key}.
 */
public final class EventCollectors {

    private final Vim25Client client;

    public EventCollectors(Vim25Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public MoRef create(EventFilter filter) throws CollectorException {
        SoapRequest request = SoapRequest.call("CreateCollectorForEvents", client.serviceContent().eventManager());
        filter.write(request, "filter");
        return client.invoke(request, r -> Objects.requireNonNull(r.moRef("returnval"), "collector"));
    }

    /** Up to {@code maxCount} (1..1000) events after the collector's position; empty at the newest. */
    public List<EventRecord> readNext(MoRef collector, int maxCount) throws CollectorException {
        return read("ReadNextEvents", collector, maxCount);
    }

    /** Up to {@code maxCount} (1..1000) events before the collector's position; empty at the oldest. */
    public List<EventRecord> readPrevious(MoRef collector, int maxCount) throws CollectorException {
        return read("ReadPreviousEvents", collector, maxCount);
    }

    public void destroy(MoRef collector) throws CollectorException {
        client.invoke(SoapRequest.call("DestroyCollector", collector));
    }

    private List<EventRecord> read(String method, MoRef collector, int maxCount) throws CollectorException {
        if (maxCount < 1 || maxCount > 1000) {
            throw new IllegalArgumentException("maxCount must be 1..1000: " + maxCount);
        }
        SoapRequest request = SoapRequest.call(method, collector).text("maxCount", maxCount);
        return client.invoke(request, r -> r.objects("returnval").stream().map(EventRecord::from).toList());
    }
}
