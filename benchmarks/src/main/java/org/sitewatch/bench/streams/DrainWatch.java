package org.sitewatch.bench.streams;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.sitewatch.bench.harness.ProgressLine;

/**
 * Watches a running app work through the raw topics up to given end offsets, polling its consumer group every
 * 200 ms, until it is drained or a deadline passes; keeps the app's peak memory on the way.
 *
 * <p>Drained: the raw topics are read to the given ends, then the repartition topics to the ends they had at that
 * moment, which hold everything the raw records caused (Kafka Streams commits the raw offsets in the transaction
 * that writes those records). Not "to their ends now": timers keep writing to them (an item crossing its RPO sends
 * a site delta), so under an estate of replicated items they are never empty at one instant. Repeated once per
 * repartition topic, so a chain of repartitions (one feeding the next) is followed to its end.
 */
final class DrainWatch {

    static final long POLL_MILLIS = 200;

    /**
     * What the watch saw.
     *
     * @param firstCommitNanos when the group's first commit on a raw topic was seen; 0 when none was
     * @param processedAtFirstCommit raw offsets already committed then
     * @param processed raw offsets committed at the end
     * @param endNanos when it was drained, or when the deadline stopped the watch
     * @param drained false when the deadline came first
     * @param peakMemory the app's memory, its peak RSS included
     */
    record Result(long firstCommitNanos, long processedAtFirstCommit, long processed, long endNanos, boolean drained,
                  ProcessMemory peakMemory) {

        /** Raw records per second from the first commit to the end; 0 when there was no commit. */
        double recordsPerSecond() {
            double seconds = secondsFromFirstCommit();
            return seconds <= 0 ? 0 : (processed - processedAtFirstCommit) / seconds;
        }

        double secondsFromFirstCommit() {
            return firstCommitNanos == 0 ? 0 : (endNanos - firstCommitNanos) / 1e9;
        }
    }

    private DrainWatch() {
    }

    /**
     * @param from the raw offsets the app starts from (the count starts there)
     * @param to the raw offsets it must reach
     * @param deadlineNanos when to stop watching, on the {@link System#nanoTime()} clock
     */
    static Result await(StreamsGroupProgress group, AppProcess app, Map<TopicPartition, Long> from,
                        Map<TopicPartition, Long> to, long deadlineNanos, ProgressLine.Task task, String what) throws Exception {
        long total = StreamsGroupProgress.sum(to) - StreamsGroupProgress.sum(from);
        long firstCommit = 0;
        long atFirstCommit = 0;
        long processed = 0;
        long shown = -1;
        // First the raw topics, then the repartition topics' ends as they were when the previous target was reached.
        Map<TopicPartition, Long> target = to;
        int repartitionRounds = -1;
        ProcessMemory peak = ProcessMemory.UNKNOWN;
        while (true) {
            app.requireAlive("while " + what);
            Map<TopicPartition, Long> committed = group.committed();
            long now = System.nanoTime();
            processed = group.rawProgress(committed, from);
            peak = peak.max(app.memory());
            if (firstCommit == 0 && processed > 0) {
                firstCommit = now;
                atFirstCommit = processed;
            }
            if (processed != shown) {
                // A line when the count moved: at the end the group may wait on its repartition topics a while.
                task.update(what, Math.min(processed, total), total);
                shown = processed;
            }
            if (group.reached(committed, target)) {
                if (repartitionRounds < 0) {
                    repartitionRounds = group.repartitionTopics().size();
                }
                if (repartitionRounds == 0) {
                    return new Result(firstCommit, atFirstCommit, processed, now, true, peak.max(app.memory()));
                }
                repartitionRounds--;
                target = group.repartitionEnds();
            }
            if (now > deadlineNanos) {
                return new Result(firstCommit, atFirstCommit, processed, now, false, peak.max(app.memory()));
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
