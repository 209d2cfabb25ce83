package org.sitewatch.bench.replay;

import org.sitewatch.audit.kafka.ProgressListener;
import org.sitewatch.bench.harness.ProgressLine;

/** The audit reader's progress as a harness progress line. */
final class ReadProgress implements ProgressListener {

    private final ProgressLine.Task task;
    private long total;

    ReadProgress(ProgressLine.Task task) {
        this.task = task;
    }

    @Override
    public void started(long totalOffsets) {
        total = totalOffsets;
    }

    @Override
    public void advanced(long offsetsRead, long records) {
        task.update("offsets read", offsetsRead, total);
    }

    @Override
    public void finished(long offsetsRead, long records) {
        task.update("offsets read", offsetsRead, offsetsRead);
    }
}
