package org.sitewatch.audit.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.kafka.PartitionRange;
import org.sitewatch.audit.kafka.ProgressListener;
import org.sitewatch.audit.kafka.ReadPlan;
import org.sitewatch.audit.kafka.RecordScanner;
import org.sitewatch.audit.kafka.TopicSnapshot;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.Topics;

/**
 * The sites Sitewatch knows of now: those named by the newest collector heartbeats (the last
 * {@link #TAIL} records of each partition of {@code sitewatch.collector}). Every collector sends a
 * heartbeat per poll, so a site being watched is always among them. Used to tell an unknown site
 * (a typo) from a known site that simply had no event in the range. Known limit: a site whose
 * collectors were removed long ago is only known through the range itself.
 */
public final class SiteDirectory {

    static final int TAIL = 500;

    private SiteDirectory() {
    }

    public static Set<String> recentSites(KafkaSource source) {
        TopicSnapshot snapshot = TopicSnapshot.take(source, List.of(Topics.COLLECTOR.name()));
        List<PartitionRange> tails = new ArrayList<>();
        snapshot.partitions().forEach(tp -> tails.add(new PartitionRange(tp.topic(), tp.partition(),
                Math.max(snapshot.beginning(tp), snapshot.end(tp) - TAIL), snapshot.end(tp))));
        Set<String> sites = new TreeSet<>();
        RecordDecoder decoder = new RecordDecoder(new UndecodableLog());
        new RecordScanner(source).scan(new ReadPlan(tails), r -> {
            SitewatchEvent e = decoder.decode(r);
            if (e != null) {
                addSites(sites, e);
            }
        }, ProgressListener.NONE);
        return sites;
    }

    /** The event's site, and a replication event's source and target sites. */
    static void addSites(Set<String> sites, SitewatchEvent e) {
        sites.add(e.site());
        if (e.data() instanceof ReplicationStatus r) {
            if (r.sourceSite() != null) {
                sites.add(r.sourceSite());
            }
            if (r.targetSite() != null) {
                sites.add(r.targetSite());
            }
        }
    }
}
