package org.sitewatch.core.fold;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A change to apply to one site pair's aggregate: a replicated item's old and new contribution. What
 * travels, keyed by {@link SitePair} key, from the replication fold to the pair aggregator.
 *
 * @param subject the item's CloudEvents subject, so its index entries can be found again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PairDelta(String pair, String subject, Contribution before, Contribution after, Instant eventTime) {

    public PairDelta {
        before = before == null ? Contribution.NONE : before;
        after = after == null ? Contribution.NONE : after;
    }

    /**
     * The pair deltas of a site delta: none for non-replication entities, one when the item stays in
     * its pair, two (a retraction and an addition) when its source or target site changed.
     */
    public static List<PairDelta> of(SiteDelta delta) {
        String was = delta.before().pair();
        String is = delta.after().pair();
        List<PairDelta> out = new ArrayList<>(2);
        if (Objects.equals(was, is)) {
            if (is != null) {
                out.add(new PairDelta(is, delta.subject(), delta.before(), delta.after(), delta.eventTime()));
            }
            return out;
        }
        if (was != null) {
            out.add(new PairDelta(was, delta.subject(), delta.before(), Contribution.NONE, delta.eventTime()));
        }
        if (is != null) {
            out.add(new PairDelta(is, delta.subject(), Contribution.NONE, delta.after(), delta.eventTime()));
        }
        return out;
    }
}
