package org.sitewatch.simulator.hyperv;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The command shells the simulated listeners hold open between requests, by shell id: each belongs
 * to one host and runs at most one command, whose output is fixed when the command starts (the
 * engine's state at that instant) and handed out in chunks by successive Receives. A client that
 * never deletes its shell does not grow the map without end: the oldest shells are dropped, as
 * WinRM's idle time-out would.
 */
final class Shells {

    static final int CHUNK_BYTES = 32 * 1024;
    private static final int MAX_SHELLS = 512;

    /** One open shell of {@code cluster}'s host {@code node}. */
    static final class Shell {
        final String cluster;
        final String node;
        String commandId;
        byte[] stdout = new byte[0];
        byte[] stderr = new byte[0];
        int exitCode;
        int sent;
        boolean stderrSent;

        Shell(String cluster, String node) {
            this.cluster = cluster;
            this.node = node;
        }

        /** Starts the command with its whole output; returns the command id. */
        synchronized String start(byte[] out, byte[] err, int exit) {
            commandId = UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
            stdout = out;
            stderr = err;
            exitCode = exit;
            sent = 0;
            stderrSent = false;
            return commandId;
        }

        /** The next chunk of stdout, with stderr and the exit code once the last chunk goes. */
        synchronized Chunk next() {
            int end = Math.min(stdout.length, sent + CHUNK_BYTES);
            byte[] out = Arrays.copyOfRange(stdout, sent, end);
            sent = end;
            boolean last = sent >= stdout.length;
            byte[] err = last && !stderrSent ? stderr : new byte[0];
            stderrSent |= last;
            return new Chunk(out, err, last ? exitCode : null);
        }
    }

    /** What one Receive hands out. */
    record Chunk(byte[] stdout, byte[] stderr, Integer exitCode) {
    }

    private final Map<String, Shell> open = new LinkedHashMap<>();

    synchronized String create(String cluster, String node) {
        String id = UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
        open.put(id, new Shell(cluster, node));
        if (open.size() > MAX_SHELLS) {
            open.remove(open.keySet().iterator().next());
        }
        return id;
    }

    /** The shell, when it is open on this host; null otherwise (the client then gets InvalidSelectors). */
    synchronized Shell find(String shellId, String cluster, String node) {
        Shell shell = shellId == null ? null : open.get(shellId);
        return shell != null && shell.cluster.equals(cluster) && shell.node.equals(node) ? shell : null;
    }

    synchronized boolean delete(String shellId) {
        return shellId != null && open.remove(shellId) != null;
    }

    synchronized int size() {
        return open.size();
    }
}
