package org.sitewatch.collectors.hyperv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The snapshot script, {@code hyperv-snapshot.ps1} beside this class: one JSON document per run. */
public final class HypervScript {

    private static final String RESOURCE = "hyperv-snapshot.ps1";

    private HypervScript() {
    }

    public static String text() {
        try (InputStream in = HypervScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the collector's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
