package org.sitewatch.collectors.hyperv.wsman;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Runs one PowerShell script on a Windows host over WS-Management, the way WinRS does: create a
 * cmd shell, start {@code powershell -EncodedCommand ...} in it, receive its output until the
 * command state is Done, signal terminate, delete the shell. A receive that ends with
 * {@code w:TimedOut} only means the script wrote nothing for one OperationTimeout: the client
 * receives again. The whole run is bounded by the caller's deadline; past it the command is
 * terminated and the run fails with a retriable TIMEOUT. The shell is deleted in every case
 * (best effort: a failure to delete is logged, as WinRM times idle shells out by itself).
 *
 * <p>Not thread-safe per run; one client serves one listener's runs one after another.
 */
public final class WsmanClient {

    private static final Logger LOG = LoggerFactory.getLogger(WsmanClient.class);
    private static final Duration CLEANUP_WAIT = Duration.ofSeconds(5);

    private final WsmanTarget target;
    private final WsmanTransport transport;
    private final WsmanEnvelopes envelopes;
    private final LongSupplier nanoTime;

    public WsmanClient(WsmanTarget target) {
        this(target, Clock.systemUTC(), System::nanoTime);
    }

    WsmanClient(WsmanTarget target, Clock clock, LongSupplier nanoTime) {
        this.target = target;
        this.transport = new WsmanTransport(target, clock);
        this.envelopes = new WsmanEnvelopes(target.url(), target.maxEnvelopeBytes());
        this.nanoTime = nanoTime;
    }

    /**
     * @param deadline how long the whole run may take, shell creation to deletion
     * @return the script's output; a non-zero exit code is returned, not thrown: the caller knows
     *     what its script's failures mean
     * @throws CollectorException classified: auth, connect, TLS, time-out, WS-Management fault, malformed answer
     * @throws IllegalArgumentException when the script is too long for a command line
     */
    public ScriptResult runPowerShell(String script, Duration deadline) throws CollectorException {
        String arguments = PowerShellCommand.arguments(script);
        long end = nanoTime.getAsLong() + deadline.toNanos();
        String shellId = WsmanResponses.shellId(
                transport.post("Create shell", envelopes.createShell(serverWait(end)), serverWait(end)));
        try {
            String commandId = WsmanResponses.commandId(transport.post("Command",
                    envelopes.command(shellId, PowerShellCommand.EXECUTABLE, arguments, serverWait(end)), serverWait(end)));
            return receiveAll(shellId, commandId, end, deadline);
        } finally {
            deleteQuietly(shellId);
        }
    }

    private ScriptResult receiveAll(String shellId, String commandId, long end, Duration deadline)
            throws CollectorException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int receives = 0;
        boolean done = false;
        Integer exitCode = null;
        try {
            while (!done) {
                if (nanoTime.getAsLong() >= end) {
                    throw CollectorException.retriable(CollectorErrorKind.TIMEOUT, "WinRM: the script did not finish "
                            + "within " + deadline + " on " + target.url().getHost(), null);
                }
                receives++;
                WsmanResponses.ReceiveChunk chunk;
                try {
                    chunk = WsmanResponses.receive(transport.post("Receive",
                            envelopes.receive(shellId, commandId, serverWait(end)), serverWait(end)), commandId);
                } catch (WsmanFault fault) {
                    if (fault.is("TimedOut")) {
                        continue;
                    }
                    throw fault;
                }
                append(stdout, chunk.stdout(), "stdout");
                append(stderr, chunk.stderr(), "stderr");
                done = chunk.done();
                exitCode = chunk.exitCode() != null ? chunk.exitCode() : exitCode;
            }
        } finally {
            terminateQuietly(shellId, commandId);
        }
        return new ScriptResult(stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
                exitCode, receives);
    }

    private void append(ByteArrayOutputStream sink, byte[] chunk, String stream) throws CollectorException {
        if ((long) sink.size() + chunk.length > target.maxOutputBytes()) {
            throw CollectorException.retriable(CollectorErrorKind.MALFORMED, "WinRM: the script's " + stream
                    + " is larger than " + target.maxOutputBytes() + " bytes (" + target.settingsBlock()
                    + ".max-output-bytes)", null);
        }
        sink.writeBytes(chunk);
    }

    /** The OperationTimeout of the next request: the configured one, shortened to what is left of the deadline. */
    private Duration serverWait(long end) {
        Duration left = Duration.ofNanos(Math.max(0, end - nanoTime.getAsLong()));
        Duration wait = left.compareTo(target.operationTimeout()) < 0 ? left : target.operationTimeout();
        return wait.toSeconds() < 1 ? Duration.ofSeconds(1) : wait;
    }

    private void terminateQuietly(String shellId, String commandId) {
        try {
            transport.post("Signal", envelopes.terminate(shellId, commandId, CLEANUP_WAIT), CLEANUP_WAIT);
        } catch (CollectorException e) {
            LOG.debug("WinRM: terminating command {} on {} failed: {}", commandId, target.url().getHost(),
                    e.getMessage());
        }
    }

    private void deleteQuietly(String shellId) {
        try {
            transport.post("Delete shell", envelopes.deleteShell(shellId, CLEANUP_WAIT), CLEANUP_WAIT);
        } catch (CollectorException e) {
            LOG.info("WinRM: deleting shell {} on {} failed ({}); the service removes idle shells itself",
                    shellId, target.url().getHost(), e.getMessage());
        }
    }
}
