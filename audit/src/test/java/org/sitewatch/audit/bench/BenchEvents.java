package org.sitewatch.audit.bench;

import java.time.Instant;
import java.util.Random;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.testsupport.TestEvents;

/**
 * A stream of realistic events for the benchmark: 50 sites of 200 VMs, 6 hosts and 60 replicated
 * items each; a mix close to what collectors publish (heartbeats 35 %, VM changes 30 %, replication
 * 25 %, HA 10 %), one event every 50 ms of event time, 300-600 bytes each on the wire.
 */
final class BenchEvents {

    private static final PowerState[] POWER = {PowerState.RUNNING, PowerState.RUNNING, PowerState.RUNNING, PowerState.STOPPED,
            PowerState.MIGRATING};
    private static final HaHostState[] HOSTS = {HaHostState.HEALTHY, HaHostState.HEALTHY, HaHostState.MAINTENANCE, HaHostState.FAILED};

    private final Random random;
    private Instant time;
    private long n;

    BenchEvents(Random random, Instant start) {
        this.random = random;
        this.time = start;
    }

    SitewatchEvent next() {
        time = time.plusMillis(50);
        n++;
        String site = "site-" + String.format("%02d", random.nextInt(50)) + "-dc";
        int pick = random.nextInt(100);
        if (pick < 35) {
            return TestEvents.at(time, TestEvents.heartbeat(site, 15));
        } else if (pick < 65) {
            return TestEvents.at(time, TestEvents.vm(site, Integer.toString(100 + random.nextInt(200)), POWER[random.nextInt(POWER.length)]));
        } else if (pick < 90) {
            String item = (100 + random.nextInt(60)) + "-0";
            boolean failed = random.nextInt(20) == 0;
            return TestEvents.at(time, TestEvents.replication(site, item, "site-" + String.format("%02d", random.nextInt(50)) + "-dr",
                    failed ? ReplicationState.FAILED : ReplicationState.REPLICATING,
                    failed ? ReplicationHealth.CRITICAL : ReplicationHealth.OK, 900L, time.minusSeconds(random.nextInt(600))));
        } else if (pick < 95) {
            return TestEvents.at(time, TestEvents.host(site, "pve" + random.nextInt(6), HOSTS[random.nextInt(HOSTS.length)]));
        } else if (pick < 98) {
            return TestEvents.at(time, TestEvents.cluster(site, random.nextInt(3), true));
        }
        return TestEvents.at(time, TestEvents.action(site, "ha-" + n, Integer.toString(100 + random.nextInt(200)),
                HaActionKind.RECOVERY, "pve1", "pve2"));
    }
}
