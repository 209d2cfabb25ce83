package org.sitewatch.audit.replay;

import java.util.ArrayList;
import java.util.List;

/** Counts undecodable records and keeps the first {@link RecordDecoder#SAMPLES}, in reading order. */
public final class UndecodableLog {

    private final List<Undecodable> samples = new ArrayList<>();
    private long count;

    void add(Undecodable u) {
        count++;
        if (samples.size() < RecordDecoder.SAMPLES) {
            samples.add(u);
        }
    }

    public long count() {
        return count;
    }

    public List<Undecodable> samples() {
        return List.copyOf(samples);
    }
}
