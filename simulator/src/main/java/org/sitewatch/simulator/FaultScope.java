package org.sitewatch.simulator;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which calls of a cluster's API a fault hits: all of them, or the paths (below the API root, as
 * the vendor front names them) that match a pattern such as {@code /nodes/pve-2/replication} or
 * {@code /nodes/*}{@code /replication}. A pattern matches its path and every path below it; {@code *}
 * stands for one path segment. Vendor-neutral: the engine knows paths, not what they mean.
 */
public final class FaultScope {

    private static final FaultScope WHOLE_API = new FaultScope("");
    private static final Pattern VALID = Pattern.compile("(/[^/\\s]+)+");

    private final String pattern;
    private final List<String> segments;

    private FaultScope(String pattern) {
        this.pattern = pattern;
        this.segments = pattern.isEmpty() ? List.of() : List.of(pattern.substring(1).split("/"));
    }

    /** Every call of the API. */
    public static FaultScope wholeApi() {
        return WHOLE_API;
    }

    /**
     * @param pattern a path such as {@code /cluster/ha/status/current}; {@code *} matches one segment
     * @throws IllegalArgumentException when it is not an absolute path
     */
    public static FaultScope path(String pattern) {
        String p = pattern == null ? "" : pattern.trim();
        if (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        if (!VALID.matcher(p).matches()) {
            throw new IllegalArgumentException("'" + pattern + "' is not a path like /cluster/ha/status/current"
                    + " or /nodes/*/replication");
        }
        return new FaultScope(p);
    }

    public boolean isWholeApi() {
        return segments.isEmpty();
    }

    /** Whether a call to {@code path} (segments below the API root) is hit. */
    public boolean matches(List<String> path) {
        if (path.size() < segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            if (!s.equals("*") && !s.equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultScope f && f.pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return isWholeApi() ? "the whole API" : pattern;
    }
}
