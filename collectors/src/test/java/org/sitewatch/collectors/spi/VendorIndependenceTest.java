package org.sitewatch.collectors.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules, checked on the sources (debezium-style plug-in isolation): the SPI knows no
 * vendor, runtime or Spring; the runtime knows no vendor; a vendor package uses only the SPI and
 * the event contract, never another vendor, the runtime or the Spring wiring.
 */
class VendorIndependenceTest {

    private static final Path ROOT = Path.of("src/main/java/org/sitewatch/collectors");
    private static final Set<String> NEUTRAL = Set.of("spi", "runtime", "config");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.sitewatch\\.collectors\\.(\\w+)|org\\.springframework)",
            Pattern.MULTILINE);

    @Test
    void shouldKeepTheSpiFreeOfVendorsRuntimeAndSpring() {
        assertThat(imports("spi")).isEmpty();
    }

    @Test
    void shouldKeepTheRuntimeFreeOfVendors() {
        assertThat(imports("runtime")).allSatisfy(i ->
                assertThat(i).matches("spi|org\\.springframework"));
    }

    @Test
    void shouldLetVendorPackagesUseOnlyTheSpi() {
        List<String> vendors = packages().stream().filter(p -> !NEUTRAL.contains(p)).toList();

        assertThat(vendors).contains("proxmox");
        for (String vendor : vendors) {
            assertThat(imports(vendor)).as(vendor).allSatisfy(i -> assertThat(i).isEqualTo("spi"));
        }
    }

    /** Every collectors sub-package (or "org.springframework") a package's sources import, other than itself. */
    private static List<String> imports(String pkg) {
        try (Stream<Path> files = Files.walk(ROOT.resolve(pkg))) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                Matcher m = IMPORT.matcher(read(f));
                Stream.Builder<String> found = Stream.builder();
                while (m.find()) {
                    found.add(m.group(2) != null ? m.group(2) : "org.springframework");
                }
                return found.build();
            }).filter(i -> !i.equals(pkg)).distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> packages() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
