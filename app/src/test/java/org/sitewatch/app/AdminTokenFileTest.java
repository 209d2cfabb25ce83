package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's admin token: made once, owner-only, shown on the start that makes it and never again. */
class AdminTokenFileTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldMakeAnOwnerOnlyTokenOnceAndShowItOnlyThen() throws Exception {
        AdminTokenFile first = AdminTokenFile.ensure(dataDir);
        assertThat(first.created()).isTrue();
        assertThat(first.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.file()))).isEqualTo("rw-------");
        String firstOutput = printed(first);
        assertThat(firstOutput).contains(first.token()).contains(first.file().toAbsolutePath().toString())
                .contains("curl -H \"Authorization: Bearer $(cat " + first.file().toAbsolutePath() + ")\"");

        AdminTokenFile second = AdminTokenFile.ensure(dataDir);
        assertThat(second.created()).isFalse();
        assertThat(second.token()).isEqualTo(first.token());
        assertThat(printed(second)).doesNotContain(first.token()).contains(first.file().toAbsolutePath().toString());
        assertThat(second.toString()).doesNotContain(first.token());
    }

    private static String printed(AdminTokenFile token) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        token.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "http://127.0.0.1:8080");
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
