package org.sitewatch.audit.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Whether the client of a request has closed its connection, for a request that has nothing to write
 * yet (a replay is read and sorted before its first line). A servlet container notices a closed
 * connection only when it writes, so this asks the kernel instead: on Linux the socket table
 * ({@code /proc/net/tcp}, {@code /proc/net/tcp6}) shows the server's end of the connection in
 * CLOSE_WAIT once the client closed it, and drops it once the client reset it. Elsewhere, or when the
 * connection cannot be found (a proxy's connection ends elsewhere, MockMvc has none), it answers "still
 * there": the request then ends at its deadline or at its first write.
 */
final class ClientConnection implements BooleanSupplier {

    static final List<Path> SOCKET_TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private static final String ESTABLISHED = "01";
    private static final List<String> CLOSED_BY_PEER = List.of("07", "08", "09"); // CLOSE, CLOSE_WAIT, LAST_ACK

    private final int localPort;
    private final int remotePort;
    private final List<Path> tables;
    private boolean seen;

    ClientConnection(int localPort, int remotePort, List<Path> tables) {
        this.localPort = localPort;
        this.remotePort = remotePort;
        this.tables = tables;
    }

    /** A probe of the connection between these ports; one that never reports "gone" when the kernel cannot tell. */
    static BooleanSupplier between(int localPort, int remotePort) {
        if (localPort <= 0 || remotePort <= 0 || SOCKET_TABLES.stream().noneMatch(Files::isReadable)) {
            return () -> false;
        }
        return new ClientConnection(localPort, remotePort, SOCKET_TABLES);
    }

    @Override
    public boolean getAsBoolean() {
        boolean found = false;
        boolean open = false;
        for (Path table : tables) {
            List<String> lines;
            try {
                lines = Files.readAllLines(table);
            } catch (IOException e) {
                continue;
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                if (f.length < 4 || port(f[1]) != localPort || port(f[2]) != remotePort) {
                    continue;
                }
                found = true;
                open |= !CLOSED_BY_PEER.contains(f[3]);
                seen |= ESTABLISHED.equals(f[3]);
            }
        }
        // Gone: closed by the client, or reset (no longer in the table) after it was seen open.
        return found ? !open : seen;
    }

    /** The port of {@code 0100007F:1F90} (hex, after the colon). */
    private static int port(String address) {
        int colon = address.lastIndexOf(':');
        try {
            return colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
