package org.sitewatch.simulator.vsphere;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javax.xml.stream.XMLStreamException;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.engine.ClusterState;
import org.sitewatch.simulator.front.FrontExchange;
import org.sitewatch.simulator.front.VendorFront;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vSphere front: a cluster of the scenario is one vCenter with one datacenter and one HA
 * cluster, its nodes HostSystems and its guests VirtualMachines. The vim25 SOAP API is at
 * {@code /{cluster}/sdk} (the collector's {@code url} is {@code /{cluster}}; its client adds
 * {@code /sdk}); calls below {@code /{cluster}/api/rest/} go to the registered
 * {@link VsphereRestApi}s (vSphere Replication, SRM).
 *
 * <p>Faults of the scenario hit SOAP calls by the path {@code /sdk/<method>} (so
 * {@code /sdk/WaitForUpdatesEx} hits only that call): {@code http500} answers 500 without an
 * envelope, {@code http501} a NotImplemented fault, {@code http404} 404, {@code malformed} a cut
 * envelope, {@code auth} an InvalidLogin fault to Login and NotAuthenticated to the rest,
 * {@code timeout} no answer. Calls below {@code /api/rest/} meet them by their path too, in the
 * appliances' shape (see {@link RestFaults}), before a {@link VsphereRestApi} sees them. A fault
 * scoped to an inventory object, {@code /inventory/host/<host name>} or
 * {@code /inventory/cluster/<cluster name>}, fails no call: the property reads
 * ({@code RetrievePropertiesEx}, {@code WaitForUpdatesEx}) report that object's properties in their
 * {@code missingSet} instead of their values ({@code NoPermission} for {@code auth}, else
 * {@code SystemError}; see {@link UnreadableObjects}), and give them again once the fault ends.
 *
 * <p>A vCenter keeps sessions and an event history, which the engine does not model: they live in
 * a {@link Vcenter} per cluster state (so per simulator), dropped with it.
 */
public final class VsphereFront implements VendorFront {

    static final String SESSION_COOKIE = "vmware_soap_session";
    private static final Logger LOG = LoggerFactory.getLogger(VsphereFront.class);
    /** The longest a WaitForUpdatesEx is held; vCenter waits without end when no maxWaitSeconds is given. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final long WAIT_STEP_MS = 200;
    private static final byte[] CUT_ENVELOPE = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv="
            + "\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><RetrievePropertiesExResponse")
            .getBytes(StandardCharsets.UTF_8);

    private final Map<ClusterState, Vcenter> vcenters = Collections.synchronizedMap(new WeakHashMap<>());
    private final VsphereRestApis restApis = new VsphereRestApis();

    @Override
    public String platform() {
        return "vsphere";
    }

    @Override
    public List<String> settingKeys() {
        return VcenterSettings.KEYS;
    }

    @Override
    public void checkSetting(String key, String value) {
        VcenterSettings.check(key, value);
    }

    @Override
    public String defaultTechnology() {
        return "vsphere-replication";
    }

    @Override
    public String apiRoot() {
        return "";
    }

    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster) {
        VcenterSettings settings = VcenterSettings.of(cluster);
        return Map.of("login.username", settings.username(), "login.password", settings.password());
    }

    /** The login, and the replication block when the cluster has replication links (see {@link DrSettings}). */
    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster, String baseUrl, List<ClusterSpec> estate) {
        Map<String, String> out = new LinkedHashMap<>(collectorSettings(cluster));
        out.putAll(DrSettings.of(cluster, baseUrl, estate));
        return out;
    }

    @Override
    public void serve(FrontExchange fx) throws IOException {
        List<String> path = fx.path();
        HttpExchange ex = fx.http();
        try {
            if (path.size() == 1 && path.get(0).equals("sdk")) {
                soap(fx);
            } else if (path.size() >= 2 && path.get(0).equals("api") && path.get(1).equals("rest")) {
                ApiFaultKind fault = fx.faultFor(path);
                if (fault == null || !RestFaults.inject(fx, fault)) {
                    restApis.serve(fx, path.subList(2, path.size()));
                }
            } else {
                send(ex, 404, "text/plain", ("Not found: the vCenter API is at /" + fx.cluster().name() + "/sdk")
                        .getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            LOG.warn("simulated vCenter failed to answer {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            send(ex, 500, "text/xml; charset=utf-8", SoapWriter.fault(new SoapFault("SystemError", "simulator error: " + e)));
        }
    }

    private void soap(FrontExchange fx) throws IOException {
        HttpExchange ex = fx.http();
        if (!ex.getRequestMethod().equals("POST")) {
            send(ex, 405, "text/plain", "the SOAP API takes POST".getBytes(StandardCharsets.UTF_8));
            return;
        }
        SoapCall call;
        try (InputStream in = ex.getRequestBody()) {
            call = SoapCall.parse(in.readAllBytes());
        } catch (XMLStreamException e) {
            sendFault(ex, new SoapFault("InvalidRequest", "the request is not a SOAP envelope: " + e.getMessage()));
            return;
        }
        ApiFaultKind fault = fx.faultFor(List.of("sdk", call.method()));
        if (fault != null && injectFault(fx, call, fault)) {
            return;
        }
        String sessionKey = sessionKey(ex);
        long deadline = System.nanoTime() + maxWait(call).toNanos();
        try {
            while (true) {
                UnreadableObjects unreadable = readsInventory(call) ? UnreadableObjects.of(fx) : UnreadableObjects.NONE;
                Vim25Methods.Answer answer = fx.read((state, now) ->
                        Vim25Methods.call(vcenter(state), call, sessionKey, state, now, unreadable));
                if (answer != null) {
                    if (answer.sessionKey() != null) {
                        ex.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=\"" + answer.sessionKey()
                                + "\"; Path=/; HttpOnly");
                    }
                    send(ex, 200, "text/xml; charset=utf-8", answer.body());
                    return;
                }
                if (System.nanoTime() >= deadline || !pause()) {
                    send(ex, 200, "text/xml; charset=utf-8", Vim25Methods.nothingChanged());
                    return;
                }
            }
        } catch (SoapFault f) {
            sendFault(ex, f);
        }
    }

    /** The property reads, which meet the faults scoped to inventory objects (see {@link UnreadableObjects}). */
    private static boolean readsInventory(SoapCall call) {
        return call.method().equals("WaitForUpdatesEx") || call.method().equals("RetrievePropertiesEx");
    }

    private Vcenter vcenter(ClusterState state) {
        return vcenters.computeIfAbsent(state, s -> new Vcenter(s.spec()));
    }

    /** Answers with the injected fault; false when the call goes on as usual. */
    private static boolean injectFault(FrontExchange fx, SoapCall call, ApiFaultKind fault) throws IOException {
        HttpExchange ex = fx.http();
        switch (fault) {
            case TIMEOUT -> fx.holdThenDrop();
            case MALFORMED -> send(ex, 200, "text/xml; charset=utf-8", CUT_ENVELOPE);
            case HTTP500 -> send(ex, 500, "text/plain", "simulated internal server error".getBytes(StandardCharsets.UTF_8));
            case HTTP501 -> sendFault(ex, SoapFault.notImplemented(call.method()));
            case HTTP404 -> send(ex, 404, "text/plain", "Not found".getBytes(StandardCharsets.UTF_8));
            case AUTH -> sendFault(ex, call.method().equals("Login") ? SoapFault.invalidLogin() : SoapFault.notAuthenticated());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** WaitForUpdatesEx's {@code options.maxWaitSeconds} (capped); zero for every other call. */
    private static Duration maxWait(SoapCall call) {
        if (!call.method().equals("WaitForUpdatesEx")) {
            return Duration.ZERO;
        }
        SoapCall.Node options = call.args().child("options");
        String seconds = options == null ? null : options.text("maxWaitSeconds");
        if (seconds == null) {
            return LONGEST_WAIT;
        }
        try {
            long s = Long.parseLong(seconds);
            return s <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.min(s, LONGEST_WAIT.toSeconds()));
        } catch (NumberFormatException e) {
            throw SoapFault.invalidArgument("maxWaitSeconds");
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(WAIT_STEP_MS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The session key from {@code Cookie: vmware_soap_session="..."}, or null. */
    static String sessionKey(HttpExchange ex) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                String p = pair.trim();
                if (p.startsWith(SESSION_COOKIE + "=")) {
                    String value = p.substring(SESSION_COOKIE.length() + 1);
                    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1) : value;
                }
            }
        }
        return null;
    }

    private static void sendFault(HttpExchange ex, SoapFault fault) throws IOException {
        send(ex, 500, "text/xml; charset=utf-8", SoapWriter.fault(fault));
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
