package org.sitewatch.bench.collector;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.settings.Secret;
import org.sitewatch.collectors.spi.settings.UserPassword;
import org.sitewatch.collectors.vmware.vim25.MoRef;
import org.sitewatch.collectors.vmware.vim25.ObjectContent;
import org.sitewatch.collectors.vmware.vim25.PropertyCollector;
import org.sitewatch.collectors.vmware.vim25.PropertySpec;
import org.sitewatch.collectors.vmware.vim25.RetrieveResult;
import org.sitewatch.collectors.vmware.vim25.Vim25Client;
import org.sitewatch.events.Platform;
import org.sitewatch.testsupport.VcsimProcess;

/**
 * What one poll of a 5,000-VM vCenter costs the vSphere collector (issue 10: "the poll cost on a simulated 5,000-VM
 * inventory: first read and steady state"). govmomi's vcsim serves the inventory (its default datacenter with 2,500
 * VMs in each of its two resource pools; 100 VMs in smoke mode) on 127.0.0.1; the real collector polls it through the
 * collector runtime as {@link ProxmoxPollCost} does: a first poll (the whole inventory through one property filter), polls
 * with nothing changed (one {@code WaitForUpdatesEx} that finds nothing), and polls after 1 % of the VMs were powered
 * off or on through the vSphere API (tasks completed before the poll; their cost is not counted).
 *
 * <p>Needs Go and Debian's govmomi sources to build vcsim ({@code build/test --install-only} installs them); without
 * them the scenario fails and says so.
 */
public final class VspherePollCost implements Scenario {

    static final int VMS = 5_000;
    static final int SMOKE_VMS = 100;
    /** vcsim's default inventory has two resource pools (the standalone host's and the cluster's). */
    private static final int RESOURCE_POOLS = 2;
    private static final Duration TASK_WAIT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "vsphere-poll-cost";
    }

    @Override
    public String description() {
        return "vSphere collector polling govmomi vcsim with 5,000 VMs through the collector runtime: CPU of the "
                + "collector's threads and wall time per poll, events per poll (first, unchanged, 1 % changed)";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        int vms = context.smoke() ? SMOKE_VMS : VMS;
        int runners = context.smoke() ? ProxmoxPollCost.SMOKE_RUNNERS : ProxmoxPollCost.RUNNERS;
        int polls = context.smoke() ? ProxmoxPollCost.SMOKE_POLLS_OF_EACH_KIND : ProxmoxPollCost.POLLS_OF_EACH_KIND;
        int changedPerRound = Math.max(1, vms / 100);
        ProgressLine.Task progress = context.progress(name());
        progress.say(String.format(Locale.ROOT, "starting vcsim with %,d VMs; %d collectors x (1 first + %d unchanged + %d "
                + "changed polls), %d VMs powered off or on per change", vms, runners, polls, polls, changedPerRound));
        Instant deadline = Instant.now().plus(context.scenarioLimit());
        Duration interval = Duration.ofMillis(context.smoke() ? 100 : 500);
        List<PollSample> samples = new ArrayList<>();
        try (VcsimProcess vcsim = VcsimProcess.start("-vm", Integer.toString(vms / RESOURCE_POOLS))) {
            UserPassword login = new UserPassword(vcsim.username(), Secret.inline(vcsim.password()));
            Vim25Client operator = Vim25Client.builder(vcsim.sdkUrl(), login).build();
            PowerToggles toggles = new PowerToggles(operator, vmsOf(operator), changedPerRound);
            EndpointConfig endpoint = EndpointConfig.builder("bench-vcenter", "bench-vc", Platform.VSPHERE)
                    .settings(Map.of("url", vcsim.sdkUrl().toString(),
                            "login", Map.of("username", vcsim.username(), "password", vcsim.password())))
                    .timeout(Duration.ofSeconds(60))
                    .build();
            for (int runner = 0; runner < runners; runner++) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    progress.say("scenario limit reached; reporting the polls measured so far");
                    break;
                }
                List<PollSample> polled = new PollSequence(endpoint, toggles::next, interval, runner, polls, polls).run(left);
                polled.forEach(p -> progress.say(PollCostFigures.describe(p)));
                samples.addAll(polled);
            }
            operator.logout();
        }
        // A power change reaches Sitewatch twice: the VM's new state from the inventory and vCenter's power event.
        return PollCostFigures.of(name(), vms, 2 * changedPerRound, samples);
    }

    private static List<MoRef> vmsOf(Vim25Client client) throws CollectorException {
        PropertyCollector properties = new PropertyCollector(client);
        MoRef view = properties.createContainerView(client.serviceContent().rootFolder(), List.of("VirtualMachine"), true);
        List<MoRef> vms = new ArrayList<>();
        RetrieveResult page = properties.retrieve(view, List.of(PropertySpec.of("VirtualMachine", "name")), 1000);
        while (true) {
            page.objects().stream().map(ObjectContent::obj).forEach(vms::add);
            if (page.token() == null) {
                break;
            }
            page = properties.continueRetrieve(page.token());
        }
        properties.destroyView(view);
        return vms;
    }

    /** Each round powers the next {@code perRound} VMs off, or on again once all have been off. */
    private static final class PowerToggles {
        private final Vim25Client client;
        private final PropertyCollector properties;
        private final List<MoRef> vms;
        private final int perRound;
        private int next;

        PowerToggles(Vim25Client client, List<MoRef> vms, int perRound) {
            this.client = client;
            this.properties = new PropertyCollector(client);
            this.vms = vms;
            this.perRound = perRound;
        }

        void next() {
            try {
                List<MoRef> tasks = new ArrayList<>();
                for (int i = 0; i < perRound; i++) {
                    int index = next++ % (2 * vms.size());
                    MoRef vm = vms.get(index % vms.size());
                    tasks.add(index < vms.size() ? client.powerOffVm(vm) : client.powerOnVm(vm));
                }
                for (MoRef task : tasks) {
                    awaitSuccess(task);
                }
            } catch (CollectorException e) {
                throw new IllegalStateException("vcsim refused a power operation: " + e.getMessage(), e);
            }
        }

        private void awaitSuccess(MoRef task) throws CollectorException {
            long deadline = System.nanoTime() + TASK_WAIT.toNanos();
            while (true) {
                Object state = properties.retrieveObject(task, List.of("info.state")).get("info.state");
                if ("success".equals(state)) {
                    return;
                }
                if ("error".equals(state) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("task " + task + " ended " + state);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for " + task, e);
                }
            }
        }
    }

    /**
     * Runs the scenario alone, without the harness's broker (it needs none):
     * {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.sitewatch.bench.collector.VspherePollCost [--smoke]}.
     */
    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        BenchContext context = new BenchContext(null, Files.createTempDirectory("sitewatch-vsphere-poll-cost-"), smoke, 0,
                Duration.ofMinutes(15), new ProgressLine(System.out));
        for (Figure f : new VspherePollCost().run(context)) {
            System.out.printf(Locale.ROOT, "%-45s %12.1f %s%n", f.measure(), f.value(), f.target() == null ? "" : "target " + f.target());
        }
    }
}
