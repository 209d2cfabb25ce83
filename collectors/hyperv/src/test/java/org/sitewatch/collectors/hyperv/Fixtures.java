package org.sitewatch.collectors.hyperv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.sitewatch.collectors.spi.settings.Secret;
import org.sitewatch.collectors.spi.settings.WindowsLogin;

/** The JSON fixtures of {@code src/test/resources/hyperv} and settings that fit them. */
final class Fixtures {

    static final String BLOCK = "sitewatch.collectors.endpoints[0].hyperv";

    private Fixtures() {
    }

    static String json(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/hyperv/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HypervReport report(String name) {
        return new HypervReportReader().read(json(name));
    }

    static HypervSettings settings(Map<String, String> sites) {
        return new HypervSettings(URI.create("https://hv-a1.corp.example:5986/wsman"),
                new WindowsLogin("CORP", "svc-sitewatch", Secret.inline("pw"), WindowsLogin.Mechanism.NTLM),
                null, null, false, false, sites, null, null, null, null);
    }
}
