package org.sitewatch.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's socket table as Linux prints it, written to a file so each state can be played. */
class ClientConnectionTest {

    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
    private static final int SERVER = 0x1F90; // 8080
    private static final int CLIENT = 0xC350; // 50000

    @TempDir
    Path dir;

    private Path table;
    private Path table6;

    private ClientConnection probe() throws Exception {
        table = dir.resolve("tcp");
        table6 = dir.resolve("tcp6");
        Files.writeString(table, HEADER + "\n");
        Files.writeString(table6, HEADER + "\n");
        return new ClientConnection(SERVER, CLIENT, List.of(table, table6));
    }

    private void write(Path file, String... rows) throws Exception {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (String row : rows) {
            text.append(row).append('\n');
        }
        Files.writeString(file, text);
    }

    private static String row(int local, int remote, String state) {
        return String.format("   3: 0100007F:%04X 0100007F:%04X %s 00000000:00000000 00:00000000 00000000  1000        0 4242 1",
                local, remote, state);
    }

    @Test
    void shouldTellAnOpenConnectionFromOneTheClientClosed() throws Exception {
        ClientConnection connection = probe();
        write(table, row(SERVER, 0, "0A"), row(SERVER, CLIENT, "01"), row(CLIENT, SERVER, "01"));
        assertThat(connection.getAsBoolean()).isFalse();
        write(table, row(SERVER, 0, "0A"), row(SERVER, CLIENT, "08"), row(CLIENT, SERVER, "02"));
        assertThat(connection.getAsBoolean()).as("CLOSE_WAIT: the client sent its FIN").isTrue();
    }

    @Test
    void shouldReadIpv4MappedConnectionsOfTheIpv6Table() throws Exception {
        ClientConnection connection = probe();
        write(table6, "   0: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:C350 08 "
                + "00000000:00000000 00:00000000 00000000  1000        0 4243 1");
        assertThat(connection.getAsBoolean()).isTrue();
    }

    @Test
    void shouldCountAConnectionThatVanishedAfterItWasSeenAsReset() throws Exception {
        ClientConnection connection = probe();
        write(table, row(SERVER, CLIENT, "01"));
        assertThat(connection.getAsBoolean()).isFalse();
        write(table, row(SERVER, 0, "0A"));
        assertThat(connection.getAsBoolean()).as("reset by the client: no longer in the table").isTrue();
    }

    @Test
    void shouldNeverCallGoneAConnectionItCannotFind() throws Exception {
        ClientConnection connection = probe();
        write(table, row(SERVER, 0, "0A"), row(SERVER, CLIENT + 1, "08"));
        assertThat(connection.getAsBoolean()).as("behind a proxy, or no such table: keep going until the deadline").isFalse();
        assertThat(ClientConnection.between(0, CLIENT).getAsBoolean()).isFalse();
    }
}
