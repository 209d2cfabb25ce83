package org.sitewatch.core.view;

/**
 * Which part of an ordered list to return. {@code offset + limit} is capped ({@value #MAX_WINDOW}):
 * every instance returns that many entries for the merge, so deep pages cost memory on the instance
 * that merges; narrow the filter instead.
 */
public record PageRequest(int offset, int limit) {

    public static final int MAX_LIMIT = 1000;
    public static final int MAX_WINDOW = 10_000;
    public static final int DEFAULT_LIMIT = 100;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative but was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
        }
        if ((long) offset + limit > MAX_WINDOW) {
            throw new IllegalArgumentException("offset + limit must not exceed " + MAX_WINDOW + "; narrow the filter");
        }
    }

    /** How many entries, from the start, each instance must return for this page to be merged. */
    public int window() {
        return offset + limit;
    }
}
