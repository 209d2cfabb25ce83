package org.sitewatch.audit.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.sitewatch.audit.AuditException;

/**
 * What every audit command does around its work: logging to stderr, and every {@link AuditException}
 * printed as one line {@code sitewatch <command>: <message>} with the kind's exit code (2 bad input or
 * range, 3 Kafka unreachable, 1 anything else, including a failed verification).
 */
abstract class AuditCommand implements Callable<Integer> {

    @Override
    public final Integer call() {
        CliLogging.toStderr();
        try {
            return execute();
        } catch (AuditException e) {
            System.err.println("sitewatch " + name() + ": " + e.getMessage());
            return e.kind().exitCode();
        } catch (IOException e) {
            System.err.println("sitewatch " + name() + ": " + e.getMessage());
            return AuditException.Kind.IO.exitCode();
        }
    }

    abstract String name();

    abstract int execute() throws IOException;
}
