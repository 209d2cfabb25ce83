package org.sitewatch.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without Go the vcsim tests fail, saying how to install it, rather than skip. */
class VcsimProcessTest {

    @TempDir
    Path dir;

    @Test
    void shouldNameTheInstallCommandWhenGoIsMissing() {
        String message = VcsimProcess.missingTools(dir.toString(), dir);

        assertThat(message).contains("build/test --install-only", "golang-go").doesNotContain("govmomi-dev");
    }

    @Test
    void shouldNameGovmomisSourcesWhenOnlyTheyAreMissing() throws Exception {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Files.createFile(bin.resolve("go"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        String message = VcsimProcess.missingTools("/nowhere:" + bin, dir.resolve("no-sources"));

        assertThat(message).contains("golang-github-vmware-govmomi-dev", "build/test --install-only")
                .doesNotContain("golang-go)");
        assertThat(VcsimProcess.missingTools(bin.toString(), dir)).isNull();
    }
}
