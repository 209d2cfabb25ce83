package org.sitewatch.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Picks free TCP ports on a local address by briefly binding to port 0.
 *
 * <p>Limit: the port is released before Kafka binds it, so another process could grab it in
 * between; on a loopback address this race is very unlikely and surfaces as a bind failure at start.
 * Public because tests give the same kind of port to the other servers they start.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** Returns {@code count} distinct free ports on {@code host}. */
    public static int[] pick(String host, int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            InetAddress address = InetAddress.getByName(host);
            int[] ports = new int[count];
            // Keep all sockets open until every port is known, so the ports are distinct.
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket();
                sockets[i].bind(new InetSocketAddress(address, 0));
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + host, e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    /** One port free right now on 127.0.0.1. */
    public static int loopback() {
        return pick("127.0.0.1", 1)[0];
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing useful to do: the port is released either way when the socket is collected
        }
    }
}
