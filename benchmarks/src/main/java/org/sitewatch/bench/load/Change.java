package org.sitewatch.bench.load;

import org.sitewatch.events.SitewatchEvent;

/** One change of the estate and the event that reports it. */
public record Change(ChangeKind kind, SitewatchEvent event) {
}
