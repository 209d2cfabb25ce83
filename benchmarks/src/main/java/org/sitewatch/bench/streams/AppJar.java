package org.sitewatch.bench.streams;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Sitewatch application jar, {@code app/target/sitewatch.jar}, as a user runs it. The repository root
 * is the nearest folder, from the working directory up, that holds both {@code app/} and {@code pom.xml}, so the
 * harness finds it from the root ({@code bench/benchmark.sh}) and the tests from {@code benchmarks/}.
 */
public final class AppJar {

    static final String RELATIVE_PATH = "app/target/sitewatch.jar";
    static final String BUILD_COMMAND = "./mvnw -q -B -ntp -pl app -am package -DskipTests";

    private AppJar() {
    }

    /** The jar, or an exception naming where it was looked for and the command that builds it. */
    public static Path locate() {
        Path start = Path.of("").toAbsolutePath();
        Path root = repositoryRoot(start);
        if (root == null) {
            throw new IllegalStateException("no Sitewatch checkout (a folder with app/ and pom.xml) at or above " + start
                    + ": run the benchmarks from the repository");
        }
        Path jar = root.resolve(RELATIVE_PATH);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the streams scenarios run the real application jar; "
                    + "build it from " + root + " with " + BUILD_COMMAND);
        }
        return jar;
    }

    static Path repositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("app")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return null;
    }
}
