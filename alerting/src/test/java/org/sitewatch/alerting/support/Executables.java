package org.sitewatch.alerting.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a program on the PATH for tests that run real tools, and fails (never skips) with how to
 * install it when it is missing: ./build/test installs them, a developer machine must too.
 */
public final class Executables {

    private Executables() {
    }

    public static Path require(String program, String debianPackage) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError(program + " is not on the PATH; this test runs the real tool. Install it with: "
                + "sudo apt-get install -y --no-install-recommends " + debianPackage + " (or run ./build/test --install-only as root, which "
                + "installs every tool the tests need)");
    }
}
