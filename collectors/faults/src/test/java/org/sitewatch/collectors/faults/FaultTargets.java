package org.sitewatch.collectors.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.collectors.spi.settings.PropertyTree;
import org.sitewatch.events.Platform;

/**
 * Each HTTP collector's endpoint, pointed at a fault server: the least a user writes (URL,
 * credentials, the CA file that trusts the test CA, the size cap at {@link VendorFault#CAP_BYTES}
 * where the collector has one). Collectors are found through ServiceLoader, as the runtime finds them.
 */
final class FaultTargets {

    /** The HTTP collectors of the matrix (libvirt speaks its native protocol; see the docs for its faults). */
    static final Platform[] HTTP_PLATFORMS = {Platform.PROXMOX, Platform.VSPHERE, Platform.HYPERV, Platform.AZURE,
        Platform.KUBEVIRT, Platform.OVIRT, Platform.ORACLEVM, Platform.CITRIX};

    private FaultTargets() {
    }

    static CollectorFactory factory(Platform platform) {
        return ServiceLoader.load(CollectorFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.platform() == platform).findFirst()
                .orElseThrow(() -> new IllegalStateException("no collector registered for " + platform));
    }

    /**
     * @param origin the fault server, e.g. {@code https://127.0.0.1:40123}
     * @param caPem the CA the collector trusts
     * @param dir where files it needs (a kubeconfig) are written
     */
    static EndpointConfig endpoint(String id, Platform platform, String origin, Path caPem, Path dir,
                                   Duration pollInterval, Duration timeout) {
        Map<String, String> s = new LinkedHashMap<>();
        String ca = caPem.toAbsolutePath().toString();
        String cap = Integer.toString(VendorFault.CAP_BYTES);
        switch (platform) {
            case PROXMOX -> {
                s.put("url", origin + "/api2/json");
                s.put("api-token", "monitor@pve!sitewatch=00000000-0000-0000-0000-000000000001");
                s.put("ca-file", ca);
                s.put("max-response-bytes", cap);
            }
            case VSPHERE -> urlAndLogin(s, origin, "monitor@vsphere.local", ca);
            case HYPERV -> {
                s.put("url", origin + "/wsman");
                s.put("basic-login.username", "monitor");
                s.put("basic-login.password", "not-a-real-password");
                s.put("ca-file", ca);
                s.put("operation-timeout", "1s");
                s.put("max-envelope-bytes", cap);
            }
            case AZURE -> {
                s.put("tenant-id", "00000000-0000-0000-0000-00000000000a");
                s.put("client-id", "00000000-0000-0000-0000-00000000000b");
                s.put("client-secret", "not-a-real-secret");
                s.put("subscription-id", "00000000-0000-0000-0000-00000000000c");
                s.put("url", origin + "/");
                s.put("ca-file", ca);
                s.put("max-response-bytes", cap);
            }
            case KUBEVIRT -> {
                s.put("kubeconfig-file", kubeconfig(dir, id, origin, ca).toString());
                s.put("cluster-name", id);
                s.put("max-response-bytes", cap);
            }
            case OVIRT -> urlAndLogin(s, origin, "admin@internal", ca);
            case ORACLEVM -> urlAndLogin(s, origin, "admin", ca);
            case CITRIX -> {
                s.put("url", origin);
                s.put("customer-id", "faultcustomer");
                s.put("client-id", "fault-client");
                s.put("client-secret", "not-a-real-secret");
                s.put("token-url", origin + "/cctrustoauth2/root/tokens/clients");
                s.put("ca-file", ca);
                s.put("max-response-bytes", cap);
            }
            default -> throw new IllegalArgumentException(platform + " is not an HTTP collector of the matrix");
        }
        return EndpointConfig.builder(id, "fault-site", platform).pollInterval(pollInterval).timeout(timeout)
                .settings(PropertyTree.of(s)).build();
    }

    /** The block of a vendor with a URL and a user/password login (vSphere, oVirt, Oracle VM). */
    private static void urlAndLogin(Map<String, String> s, String origin, String user, String ca) {
        s.put("url", origin);
        s.put("login.username", user);
        s.put("login.password", "not-a-real-password");
        s.put("ca-file", ca);
        s.put("max-response-bytes", Integer.toString(VendorFault.CAP_BYTES));
    }

    private static Path kubeconfig(Path dir, String id, String origin, String ca) {
        String text = """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: %1$s
                    cluster:
                      server: "%2$s"
                      certificate-authority: "%3$s"
                users:
                  - name: sitewatch
                    user:
                      token: "not-a-real-token"
                contexts:
                  - name: %1$s
                    context:
                      cluster: %1$s
                      user: sitewatch
                current-context: %1$s
                """.formatted(id, origin, ca);
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(id + ".kubeconfig"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
