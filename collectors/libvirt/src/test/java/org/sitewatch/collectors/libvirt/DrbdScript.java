package org.sitewatch.collectors.libvirt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real {@code drbdsetup} stand-in for the tests: a {@code sh} script in a temporary directory that
 * prints the status file the test last set, or fails like {@code drbdsetup} (a message on stderr,
 * exit status 10) while the test says so.
 *
 * <p>The status is this module's copy of storage-replication's {@code drbd-standalone.json} (that
 * module builds no test-jar): resource {@code vmdisk-100} of this host and its peer {@code kvm-b1}
 * after a split brain. {@link #connected()} is the same pair healthy, made by swapping the words
 * (Connected, Secondary, Established, UpToDate), as storage-replication's own end-to-end test does.
 */
final class DrbdScript {

    static final String PEER = "kvm-b1";
    static final String PEER_SITE = "oslo-dc2";
    static final String ITEM = "drbd:vmdisk-100:kvm-b1";
    static final String FAILURE = "vmdisk-100: State change failed: (-10) State change was refused by peer node";

    private final Path dir;
    private final Path script;

    DrbdScript(Path dir) {
        this.dir = dir;
        this.script = dir.resolve("drbdsetup");
        try {
            Files.writeString(script, "#!/bin/sh\n"
                    + "if [ -f '" + dir.resolve("fail") + "' ]; then echo '" + FAILURE + "' >&2; exit 10; fi\n"
                    + "cat '" + dir.resolve("status.json") + "'\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String standalone() {
        try (InputStream in = Objects.requireNonNull(DrbdScript.class.getResourceAsStream("/drbd/drbd-standalone.json"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String connected() {
        return standalone().replace("StandAlone", "Connected").replace("\"Unknown\"", "\"Secondary\"")
                .replace("\"Off\"", "\"Established\"").replace("DUnknown", "UpToDate");
    }

    /** What the next run prints; replaced in one move, so a run never sees half a file. */
    DrbdScript answer(String json) {
        try {
            Path next = Files.writeString(dir.resolve("status.json.next"), json);
            Files.move(next, dir.resolve("status.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** While true, every run fails with {@link #FAILURE} on stderr and exit status 10. */
    DrbdScript failing(boolean fail) {
        try {
            if (fail) {
                Files.writeString(dir.resolve("fail"), "");
            } else {
                Files.deleteIfExists(dir.resolve("fail"));
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint's {@code drbd} block: this script as the command, {@value #PEER} in {@value #PEER_SITE}. */
    Map<String, Object> block() {
        return Map.of("command", Map.of("command", List.of(script.toString(), "status", "--json")),
                "peers", Map.of(PEER, PEER_SITE), "node-name", "kvm1");
    }
}
