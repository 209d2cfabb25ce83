package org.sitewatch.collectors.hyperv.wsman;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The command line that runs a script in Windows PowerShell without a profile or prompts:
 * {@code powershell -NoProfile -NonInteractive -EncodedCommand <base64 of the UTF-16LE script>}.
 * Encoding spares every quoting problem of the command line.
 */
final class PowerShellCommand {

    static final String EXECUTABLE = "powershell";
    /** CreateProcess's command-line limit is 32,767 characters; keep room for the executable's path. */
    static final int MAX_ARGUMENTS_LENGTH = 32_000;

    private PowerShellCommand() {
    }

    /**
     * @throws IllegalArgumentException when the encoded script does not fit on a command line
     */
    static String arguments(String script) {
        String encoded = Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
        String arguments = "-NoProfile -NonInteractive -EncodedCommand " + encoded;
        if (arguments.length() > MAX_ARGUMENTS_LENGTH) {
            throw new IllegalArgumentException("the script is too long to pass on a command line: " + script.length()
                    + " characters encode to " + arguments.length() + " (at most " + MAX_ARGUMENTS_LENGTH + ")");
        }
        return arguments;
    }
}
