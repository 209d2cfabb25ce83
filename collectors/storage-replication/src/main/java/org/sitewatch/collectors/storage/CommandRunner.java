package org.sitewatch.collectors.storage;

import java.util.List;
import org.sitewatch.collectors.spi.CollectorException;

/**
 * Runs the configured status command and returns its standard output. One run at a time per
 * runner; {@link #close()} releases what it holds (the SSH client).
 *
 * <p>Failures are classified: a missing program, a refused login or an unknown host key are
 * permanent (with a remedy naming the key to fix); an unreachable host, a time-out, a non-zero exit
 * and output beyond {@code max-output-bytes} are retriable.
 */
public interface CommandRunner extends AutoCloseable {

    /**
     * @param extraArguments appended to the configured command (e.g. {@code rbd/vm-100-disk-0})
     * @return the command's standard output (UTF-8)
     */
    String run(List<String> extraArguments) throws CollectorException;

    /** Where the command runs, for messages: {@code local} or {@code ssh user@host:port}. */
    String where();

    @Override
    void close();

    /**
     * A runner for {@code settings}: over SSH when it has an {@code ssh} block, else on this machine.
     *
     * @param key the command block's full key, e.g. {@code sitewatch.collectors.endpoints[0].libvirt.drbd.command},
     *     named in remedies
     */
    static CommandRunner create(CommandSettings settings, String key) throws CollectorException {
        return settings.ssh() == null ? new LocalCommandRunner(settings, key) : new SshCommandRunner(settings, key);
    }
}
