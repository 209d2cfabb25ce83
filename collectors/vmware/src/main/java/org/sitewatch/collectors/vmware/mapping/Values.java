package org.sitewatch.collectors.vmware.mapping;

/** Small helpers for values vCenter may leave out. */
final class Values {

    private Values() {
    }

    /** {@code value}, or {@code fallback} when it is null. */
    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
