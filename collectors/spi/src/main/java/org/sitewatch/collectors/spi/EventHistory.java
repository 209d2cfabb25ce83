package org.sitewatch.collectors.spi;

/**
 * A vendor's event history read by cursor: the vCenter event history collector, oVirt's
 * {@code /events?from=<id>}, a Kubernetes watch's {@code resourceVersion}, Azure's jobs list.
 * The runtime calls {@link #readAfter} after each poll with the cursor of the last page it
 * published, publishes the page's events and its {@link EventPage#nextCursor()} in one Kafka
 * transaction, and asks again while {@link EventPage#more()} says so. A restart resumes at the
 * committed cursor: no event is missed and none is published twice.
 *
 * <p>Limits: the source must return the same events for the same cursor (the vendor's history is
 * append-only); a cursor the vendor no longer knows (expired history) should be answered with
 * the oldest events it still has and an event-level gap logged by the source.
 */
public interface EventHistory {

    /**
     * The events strictly after {@code cursor}, oldest first.
     *
     * @param cursor the {@link EventPage#nextCursor()} last published; null on the very first run,
     *     when the source picks where to begin (typically "now": history before the first start is
     *     not replayed)
     * @throws CollectorException when the history could not be read; nothing of this page is published
     */
    EventPage readAfter(String cursor) throws CollectorException;
}
