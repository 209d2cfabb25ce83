package org.sitewatch.audit.cli;

import java.nio.file.Path;
import org.sitewatch.audit.export.Manifests;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.verify.VerificationReport;
import org.sitewatch.audit.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sitewatch verify}: is an export complete and unaltered? */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks an export of 'replay' or 'state' against its manifest and against the records Kafka holds:",
                "the file's SHA-256, the hash chain, the per-partition offsets, and every record (changed, missing, added, out of order).",
                "Exit codes: 0 verified, 1 not verified, 2 bad input, 3 Kafka unreachable."})
public final class VerifyCommand extends AuditCommand {

    @Parameters(paramLabel = "EXPORT", description = "The exported file.")
    Path export;

    @Option(names = "--manifest", paramLabel = "FILE", description = "The manifest (default: <EXPORT>.manifest.json).")
    Path manifest;

    @Mixin
    ProgressOptions progress;

    @Mixin
    KafkaOptions kafka;

    @Override
    String name() {
        return "verify";
    }

    @Override
    int execute() {
        Path manifestFile = manifest != null ? manifest : Manifests.besides(export);
        Manifests.read(manifestFile);
        try (KafkaSource source = KafkaSource.connect(kafka.settings())) {
            VerificationReport report = new Verifier(source).verify(export, manifestFile, progress.listener("verify", System.err));
            System.out.print(report.render());
            System.out.flush();
            return report.verified() ? 0 : 1;
        }
    }
}
