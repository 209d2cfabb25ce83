package org.sitewatch.audit.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.export.ExportFormat;
import org.sitewatch.audit.export.ExportOutcome;
import org.sitewatch.audit.export.Exporter;
import org.sitewatch.audit.export.Manifest;
import org.sitewatch.audit.export.Manifests;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.state.AlertsTopicHistory;
import org.sitewatch.audit.kafka.ProgressListener;
import org.sitewatch.audit.replay.Replayer;
import org.sitewatch.audit.replay.ReplayResult;
import org.sitewatch.audit.state.AsOfViewBuilder;
import org.sitewatch.audit.state.HealthConfig;
import org.sitewatch.audit.state.RebuiltState;
import org.sitewatch.audit.state.StateExport;
import org.sitewatch.audit.state.StateFormat;
import org.sitewatch.audit.state.StateRebuilder;

/**
 * Checks an export against its manifest and against Kafka: the file's SHA-256 against the manifest;
 * the manifest's record count, per-partition offsets and hash-chain head against the records Kafka
 * still holds at the manifest's offsets; and the file against a fresh rendering of those records,
 * unit by unit, naming each record that changed, is missing, was added or is out of order. A state
 * export is re-folded from the same offsets and compared as a whole document.
 *
 * <p>Limits: records that retention deleted since the export cannot be checked (that is reported as
 * a problem); the rendering must come from a tool version with the same canonical form.
 */
public final class Verifier {

    private final KafkaSource source;

    public Verifier(KafkaSource source) {
        this.source = source;
    }

    public VerificationReport verify(Path export, Path manifestFile, ProgressListener progress) {
        if (!Files.isRegularFile(export)) {
            throw new AuditException(AuditException.Kind.BAD_REQUEST, "no export file at " + export);
        }
        Manifest m = Manifests.read(manifestFile);
        Checks checks = new Checks();
        String sha = sha256(export);
        checks.check(sha.equals(m.file().sha256()), "file SHA-256 matches the manifest (" + sha + ")",
                "the file's SHA-256 (" + sha + ") is not the manifest's (" + m.file().sha256() + "): the file was changed after the export");
        checks.check(source.clusterId().equals(m.kafka().clusterId()), "same Kafka cluster as the export (" + source.clusterId() + ")",
                "the export was made on Kafka cluster " + m.kafka().clusterId() + ", this is cluster " + source.clusterId());
        if (!RetainedCheck.stillReadable(source, m, checks)) {
            return checks.report(subject(export, m));
        }
        Path rendered = null;
        try {
            rendered = Files.createTempFile("sitewatch-verify-", ".expected");
            if (Manifest.STATE.equals(m.kind())) {
                verifyState(m, export, rendered, checks, progress);
            } else {
                verifyEvents(m, export, rendered, checks, progress);
            }
        } catch (IOException e) {
            throw new AuditException(AuditException.Kind.IO, "cannot read " + export + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(rendered);
        }
        return checks.report(subject(export, m));
    }

    private void verifyEvents(Manifest m, Path export, Path rendered, Checks checks, ProgressListener progress)
            throws IOException {
        ExportFormat format = ExportFormat.parse(m.format());
        ExportOutcome outcome;
        try (ReplayResult result = new Replayer(source).read(m.plan(), m.request(), m.oldestAvailable(), progress);
             OutputStream out = Files.newOutputStream(rendered)) {
            outcome = Exporter.export(result, format, out);
            checks.check(result.partitions().equals(m.partitions()),
                    "per-partition offsets and counts match Kafka (" + m.partitions().size() + " partitions)",
                    "the manifest's per-partition offsets or counts differ from Kafka's: the manifest was altered");
        }
        checkChain(m, outcome.chainHead(), outcome.records(), checks);
        new UnitComparison(format, rendered, export).run(checks);
    }

    private void verifyState(Manifest m, Path export, Path rendered, Checks checks, ProgressListener progress)
            throws IOException {
        StateFormat format = StateFormat.parse(m.format());
        HealthConfig config = StateExport.config(m);
        RebuiltState state = new StateRebuilder(source, config.rules(), config.limits())
                .fold(m.plan(), m.at(), m.oldestAvailable(), progress);
        checkChain(m, state.chainHead(), state.chainLength(), checks);
        byte[] expected = format.render(new AsOfViewBuilder(config.rules(), new AlertsTopicHistory(source.settings())).build(state, m.site()));
        Files.write(rendered, expected);
        String actual = Files.readString(export, StandardCharsets.UTF_8);
        String wanted = new String(expected, StandardCharsets.UTF_8);
        if (actual.equals(wanted)) {
            checks.passed("the views re-built from Kafka are identical to the file");
        } else if (format == StateFormat.JSON) {
            checks.failed("the file differs from the views re-built from Kafka: " + TextDiff.json(wanted, actual));
        } else {
            checks.failed("the file differs from the views re-built from Kafka, first at line " + firstDifferentLine(wanted, actual));
        }
    }

    private static void checkChain(Manifest m, String head, long records, Checks checks) {
        checks.check(head.equals(m.hashChain().head()) && records == m.records(),
                "hash chain over " + records + " records re-read from Kafka matches the manifest (" + head + ")",
                "the manifest's hash chain (" + m.records() + " records, head " + m.hashChain().head()
                        + ") does not match Kafka's records (" + records + " records, head " + head + ")");
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }

    private static String subject(Path export, Manifest m) {
        String what = Manifest.STATE.equals(m.kind())
                ? "state at " + m.at() + (m.site() == null ? "" : " of site " + m.site())
                : "events in [" + m.from() + ", " + m.to() + "), filters: " + m.filters().describe();
        return "verifying " + export + " (" + m.format() + ", " + m.records() + " records; " + what + ")";
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new AuditException(AuditException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM must provide SHA-256", e);
        }
    }

    static BufferedReader reader(Path file) throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover temp file does not change the verdict
            }
        }
    }

    /** Collects passed checks and problems. */
    static final class Checks {
        final List<String> passed = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        long unlisted;

        void check(boolean ok, String pass, String fail) {
            if (ok) {
                passed.add(pass);
            } else {
                problems.add(fail);
            }
        }

        void passed(String s) {
            passed.add(s);
        }

        void failed(String s) {
            problems.add(s);
        }

        VerificationReport report(String subject) {
            return new VerificationReport(subject, passed, problems, unlisted);
        }
    }
}
