package org.sitewatch.core.fold;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A change to apply to one site's aggregate: an entity's old and new contribution, or an HA action
 * to remember. This is what travels, keyed by site, from the entity folds to the site aggregator.
 *
 * @param subject the entity's CloudEvents subject ({@code vm/paris-dc1/100}), unique across kinds within
 *     a site (a VM and a replicated item may share an id), so its problem can be found again
 * @param eventTime the event time of the observation that caused the change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SiteDelta(String site, String subject, Contribution before, Contribution after,
                        HaActionView action, Instant eventTime) {

    public SiteDelta {
        before = before == null ? Contribution.NONE : before;
        after = after == null ? Contribution.NONE : after;
    }

    public static SiteDelta change(String site, String subject, Contribution before, Contribution after,
                                   Instant eventTime) {
        return new SiteDelta(site, subject, before, after, null, eventTime);
    }

    public static SiteDelta action(String site, String subject, HaActionView action) {
        return new SiteDelta(site, subject, Contribution.NONE, Contribution.NONE, action, action.time());
    }
}
