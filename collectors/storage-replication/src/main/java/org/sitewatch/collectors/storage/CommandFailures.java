package org.sitewatch.collectors.storage;

import java.time.Duration;
import java.util.List;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * The classified failures of a command run, shared by the local and the SSH runner. Messages name
 * the program (not its arguments, which may carry options an operator considers private) and the
 * first line of its standard error.
 */
final class CommandFailures {

    /** 127 and 126: what POSIX shells and sshd answer for a program not found / not executable. */
    private static final int NOT_FOUND = 127;
    private static final int NOT_EXECUTABLE = 126;

    private CommandFailures() {
    }

    /** The program's name for messages: the first word (for a shell command, the line's first word). */
    static String program(List<String> words) {
        String first = words.isEmpty() ? "" : words.get(0).strip();
        int space = first.indexOf(' ');
        return space < 0 ? first : first.substring(0, space);
    }

    static CollectorException exit(String where, String program, Integer status, String stderrLine, String key) {
        String said = stderrLine.isEmpty() ? "" : ": " + stderrLine;
        if (status == null) {
            return CollectorException.retriable(CollectorErrorKind.INTERNAL,
                    "command '" + program + "' on " + where + " ended without an exit status (killed by a signal?)" + said, null);
        }
        String message = "command '" + program + "' on " + where + " exited with status " + status + said;
        if (status == NOT_FOUND || status == NOT_EXECUTABLE) {
            return CollectorException.permanent(CollectorErrorKind.CONFIG, message,
                    "Install " + program + " there or give its full path in " + key + ".command", null);
        }
        if (stderrLine.toLowerCase(java.util.Locale.ROOT).matches(".*(permission denied|not permitted|must be root|password is required).*")) {
            return CollectorException.permanent(CollectorErrorKind.AUTH, message,
                    "Let the user running it read the status (e.g. a sudoers rule for " + program + " and a command of "
                            + "[sudo, -n, " + program + ", ...] in " + key + ".command)", null);
        }
        return CollectorException.retriable(CollectorErrorKind.INTERNAL, message, null);
    }

    static CollectorException timedOut(String where, String program, Duration timeout, String key) {
        return CollectorException.retriable(CollectorErrorKind.TIMEOUT, "command '" + program + "' on " + where
                + " did not finish within " + timeout.toMillis() + " ms (" + key + ".timeout) and was stopped", null);
    }

    static CollectorException tooMuchOutput(String where, String program, long limit, String key) {
        return CollectorException.retriable(CollectorErrorKind.MALFORMED, "command '" + program + "' on " + where
                + " wrote more than " + limit + " bytes (" + key + ".max-output-bytes) and was stopped", null);
    }
}
