package org.sitewatch.audit.state;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.sitewatch.audit.AuditException;
import org.sitewatch.events.Json;
import org.sitewatch.core.view.PairViews.PairSummary;
import org.sitewatch.core.view.SiteViews.ProblemView;
import org.sitewatch.core.view.SiteViews.SiteDetail;

/**
 * How {@code state} prints the views: indented JSON ({@link AsOfViews}, for tools and audits) or a
 * table for people. Both are rendered only from the views, so a verification can render them again.
 */
public enum StateFormat {
    JSON("json"),
    TABLE("table");

    private final String word;

    StateFormat(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public byte[] render(AsOfViews views) {
        return this == JSON ? json(views) : table(views).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws AuditException BAD_REQUEST naming the formats */
    public static StateFormat parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (StateFormat f : values()) {
            if (f.word.equals(t)) {
                return f;
            }
        }
        throw new AuditException(AuditException.Kind.BAD_REQUEST, "unknown format '" + text + "': use json or table");
    }

    private static byte[] json(AsOfViews views) {
        try {
            byte[] body = Json.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(views);
            byte[] out = new byte[body.length + 1];
            System.arraycopy(body, 0, out, 0, body.length);
            out[body.length] = '\n';
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String table(AsOfViews v) {
        StringBuilder sb = new StringBuilder("Sitewatch state at ").append(v.at()).append('\n');
        List<SiteDetail> details = v.site() != null ? List.of(v.site()) : v.details();
        for (SiteDetail d : details) {
            sb.append(String.format(Locale.ROOT, "%n%-20s %-9s since %s  %s%n", d.site(), d.status(), d.since(),
                    d.reasons().isEmpty() ? "" : String.join("; ", d.reasons())));
            sb.append(String.format(Locale.ROOT, "  %d VMs, %d HA hosts, %d HA clusters, %d replicated items (%d outside RPO), last event %s%n",
                    d.counts().vms().total(), d.counts().haHosts().total(), d.counts().haClusters().total(),
                    d.counts().replication().total(), d.counts().replication().outsideRpo(), d.lastEventTime()));
            for (ProblemView p : d.problems()) {
                sb.append("  ").append(p.severity()).append("  ").append(p.subject()).append(": ").append(p.reason())
                        .append(p.since() == null ? "" : " (since " + p.since() + ")").append('\n');
            }
            if (d.problemsNotListed() > 0) {
                sb.append("  ... and ").append(d.problemsNotListed()).append(" more problems not listed\n");
            }
        }
        if (v.pairs() != null && !v.pairs().pairs().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nsite pairs%n"));
            for (PairSummary p : v.pairs().pairs()) {
                sb.append(String.format(Locale.ROOT, "  %-32s %-10s %s%n", p.pair(), p.readiness(),
                        p.reasons() == null || p.reasons().isEmpty() ? "" : String.join("; ", p.reasons())));
            }
        }
        sb.append(String.format(Locale.ROOT, "%nalerts firing: %s%n", v.alerts().available()
                ? Integer.toString(v.alerts().firing().size()) : "not available (" + v.alerts().note() + ")"));
        for (java.util.Map<String, Object> alert : v.alerts().firing()) {
            java.util.Map<?, ?> labels = (java.util.Map<?, ?>) alert.get("labels");
            sb.append(String.format(Locale.ROOT, "  %-8s %-26s %s since %s%n", labels.get("severity"), labels.get("alertname"),
                    labels.entrySet().stream().filter(e -> !"severity".equals(e.getKey()) && !"alertname".equals(e.getKey()))
                            .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(java.util.stream.Collectors.joining(" ")),
                    alert.get("startsAt")));
        }
        sb.append(String.format(Locale.ROOT, "rebuilt from %d events (%d folded, %d out of order, %d duplicates, %d undecodable)%s%n",
                v.history().eventsRead(), v.history().eventsFolded(), v.history().outOfOrder(), v.history().duplicates(),
                v.history().undecodable(), v.history().complete() ? ""
                        : "; history cut by retention at " + v.history().oldestAvailable()));
        return sb.toString();
    }
}
