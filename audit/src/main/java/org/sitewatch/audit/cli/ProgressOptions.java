package org.sitewatch.audit.cli;

import java.io.PrintStream;
import org.sitewatch.audit.kafka.ProgressListener;
import picocli.CommandLine.Option;

/** {@code --progress auto|always|never}. */
public final class ProgressOptions {

    @Option(names = "--progress", paramLabel = "auto|always|never", defaultValue = "auto",
            description = "Progress on stderr: a bar when on a terminal (auto), always, or never (default ${DEFAULT-VALUE}).")
    String mode;

    ProgressListener listener(String label, PrintStream err) {
        switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "never":
                return ProgressListener.NONE;
            case "always":
                return new ProgressBar(err, true, label);
            default:
                // System.console() is null unless the JVM runs on a terminal: then only an occasional line.
                return new ProgressBar(err, System.console() != null, label);
        }
    }
}
