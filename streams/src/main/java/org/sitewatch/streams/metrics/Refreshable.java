package org.sitewatch.streams.metrics;

/** A group of meters recomputed from the views on a timer. */
public interface Refreshable {

    /** Recomputes every row; returns false when the views were not ready (previous values kept). */
    boolean refresh();
}
