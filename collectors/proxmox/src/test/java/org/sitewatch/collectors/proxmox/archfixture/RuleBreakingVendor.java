package org.sitewatch.collectors.proxmox.archfixture;

import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.events.Topics;
import org.springframework.util.StringUtils;

/**
 * Deliberate violations for {@code ProxmoxArchitectureTest}: a "vendor" reaching into the runtime,
 * the contract's Kafka topics and Spring. Never used at run time.
 */
public final class RuleBreakingVendor {

    private RuleBreakingVendor() {
    }

    public static String all() {
        return RetryPolicy.DEFAULT + " " + Topics.class.getName() + " " + StringUtils.hasText("x");
    }
}
