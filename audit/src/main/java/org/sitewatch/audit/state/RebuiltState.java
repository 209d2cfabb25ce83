package org.sitewatch.audit.state;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.sitewatch.audit.kafka.ReadPlan;
import org.sitewatch.audit.replay.UndecodableLog;
import org.sitewatch.core.fold.InMemoryEstate;
import org.sitewatch.core.fold.SiteAggregate;

/**
 * An estate folded from the raw events up to an instant, with what a manifest records about it.
 *
 * @param storedVerdict a site aggregate with the verdict the site aggregator would have stored
 * @param chainHead the hash chain over the canonical forms of the folded events, in fold order
 */
public record RebuiltState(InMemoryEstate estate, UnaryOperator<SiteAggregate> storedVerdict, Instant at, ReadPlan plan, String clusterId,
                           FoldStats stats, String chainHead, long chainLength, UndecodableLog undecodable) {
}
