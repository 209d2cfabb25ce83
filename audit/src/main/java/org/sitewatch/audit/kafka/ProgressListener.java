package org.sitewatch.audit.kafka;

/** Told how far a read has come; implementations must be cheap, they are called for every poll. */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
    };

    /** @param totalOffsets offsets the plan reads */
    default void started(long totalOffsets) {
    }

    /** @param offsetsRead offsets read so far (records plus skipped gaps) */
    default void advanced(long offsetsRead, long records) {
    }

    default void finished(long offsetsRead, long records) {
    }
}
