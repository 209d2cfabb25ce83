package org.sitewatch.bench.load;

import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.sitewatch.bench.harness.BenchDurations;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.kafka.TopicLeaders;
import org.sitewatch.events.Platform;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.Topics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/load.sh}: sends a synthetic estate's events to a Kafka cluster, as its collectors
 * would, as fast as possible or at a steady rate. Event time is the moment of sending.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends a synthetic estate's Sitewatch events (initial inventory, then changes) to the raw topics,",
                "with the collectors' producer settings. Stops after --events, after --duration, or after the inventory."})
public final class LoadMain implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT", description = "Kafka to send to.")
    String bootstrapServers;

    @Option(names = "--sites", defaultValue = "50", description = "Sites (default ${DEFAULT-VALUE}).")
    int sites;

    @Option(names = "--vms-per-site", defaultValue = "200", description = "VMs per site (default ${DEFAULT-VALUE}).")
    int vmsPerSite;

    @Option(names = "--hosts-per-site", defaultValue = "" + EstateShape.DEFAULT_HOSTS_PER_SITE,
            description = "HA hosts per site (default ${DEFAULT-VALUE}).")
    int hostsPerSite;

    @Option(names = "--clusters-per-site", defaultValue = "1", description = "HA clusters per site (default ${DEFAULT-VALUE}).")
    int clustersPerSite;

    @Option(names = "--replicated-per-site", defaultValue = "60",
            description = "VMs per site replicated to the partner site (default ${DEFAULT-VALUE}).")
    int replicatedPerSite;

    @Option(names = "--seed", defaultValue = "" + EstateShape.DEFAULT_SEED, description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "EVENTS/S", description = "Steady rate; 0 = as fast as possible (default).")
    double rate;

    @Option(names = "--events", defaultValue = "0", description = "Stop after this many events (0: no count limit).")
    long events;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long (PT10M, 90s, 10m).")
    String duration;

    @Option(names = "--inventory-only", description = "Send the initial inventory and stop.")
    boolean inventoryOnly;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of topics this creates when missing (default ${DEFAULT-VALUE}).")
    short replicationFactor;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        EstateShape shape = new EstateShape(sites, vmsPerSite, hostsPerSite, clustersPerSite, replicatedPerSite, seed,
                Platform.PROXMOX, ChangeMix.TYPICAL);
        Duration limit = duration == null ? null : BenchDurations.parse(duration, "--duration");
        long count = inventoryOnly ? shape.inventorySize() : events;
        if (count == 0 && limit == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "give --events, --duration or --inventory-only");
        }
        ProgressLine.Task progress = new ProgressLine(System.out).task("load");
        progress.say(String.format(Locale.ROOT, "%d sites x (%d VMs, %d hosts, %d clusters, %d replicated): inventory of %,d events; "
                        + "mean record %.0f bytes; %s", sites, vmsPerSite, hostsPerSite, clustersPerSite, replicatedPerSite,
                shape.inventorySize(), RecordSize.meanOfRun(shape, count == 0 ? shape.inventorySize() * 10 : count, 5_000),
                rate > 0 ? String.format(Locale.ROOT, "%,.0f events/s", rate) : "as fast as possible"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            new TopicProvisioner(admin, replicationFactor, Duration.ofSeconds(30)).ensure(Topics.ALL);
            TopicLeaders.await(admin, Topics.RAW.stream().map(t -> t.name()).toList(), Duration.ofSeconds(30));
        }
        EstateLoad load = new EstateLoad(shape, EventClock.wall());
        Iterator<SitewatchEvent> source = inventoryOnly ? load.initialInventory() : load.events();
        SendOutcome outcome;
        try (LoadProducer producer = LoadProducer.connect(bootstrapServers)) {
            outcome = producer.send(source, new SendPlan(count, limit, rate), progress, LoadProducer.AckListener.NONE);
        }
        if (outcome.firstError() != null) {
            progress.say("first send failure: " + outcome.firstError());
        }
        return outcome.failed() == 0 ? 0 : 1;
    }
}
