package org.sitewatch.core.fold;

import java.util.List;

/**
 * A site pair's DR readiness with the reasons, most serious first; empty when READY.
 */
public record PairVerdict(DrReadiness readiness, List<String> reasons) {

    public PairVerdict {
        reasons = List.copyOf(reasons);
    }
}
