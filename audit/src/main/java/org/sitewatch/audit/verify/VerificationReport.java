package org.sitewatch.audit.verify;

import java.util.List;

/**
 * What a verification found.
 *
 * @param subject one line: which export, which manifest, what it covers
 * @param passed the checks that passed, in order
 * @param problems every difference found, most precise first, at most {@link Alignment#MAX_LISTED} per kind
 * @param unlisted further problems that were counted but not listed
 */
public record VerificationReport(String subject, List<String> passed, List<String> problems, long unlisted) {

    public VerificationReport {
        passed = List.copyOf(passed);
        problems = List.copyOf(problems);
    }

    /** True when the export is complete and unaltered. */
    public boolean verified() {
        return problems.isEmpty();
    }

    /** The report as printed by {@code sitewatch verify}. */
    public String render() {
        StringBuilder sb = new StringBuilder(subject).append('\n');
        passed.forEach(p -> sb.append("  ok    ").append(p).append('\n'));
        problems.forEach(p -> sb.append("  FAIL  ").append(p).append('\n'));
        if (unlisted > 0) {
            sb.append("  FAIL  ... and ").append(unlisted).append(" more problems\n");
        }
        sb.append(verified() ? "VERIFIED: the export is complete and unaltered\n"
                : "NOT VERIFIED: " + (problems.size() + unlisted) + " problem" + (problems.size() + unlisted == 1 ? "" : "s") + "\n");
        return sb.toString();
    }
}
