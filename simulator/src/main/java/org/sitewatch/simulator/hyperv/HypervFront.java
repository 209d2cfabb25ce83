package org.sitewatch.simulator.hyperv;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sitewatch.simulator.ApiFaultKind;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.NodeSpec;
import org.sitewatch.simulator.front.FrontExchange;
import org.sitewatch.simulator.front.VendorFront;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hyper-V front: a scenario cluster of platform {@code hyperv} is a Hyper-V failover cluster
 * (its nodes in its own site; one such node is a standalone host), and its nodes in other sites
 * are standalone replica servers. Each host has a WinRM listener speaking the WS-Management shell
 * profile (create shell, command, receive, signal, delete; HTTP Basic for a local account, and
 * Kerberos when the cluster names a service keytab, see {@link HostSettings}) at
 * {@code /{cluster}/{node}/wsman}; {@code /{cluster}/wsman} is the cluster's name, answered by its
 * first Up node. Whatever command the shell runs, its stdout is the JSON the collector's snapshot
 * script would print on that host now ({@link HostSnapshot}).
 *
 * <p>A host that is offline does not answer (the request is held, then dropped). Scenario faults
 * by path: {@code /wsman} hits every listener of the cluster, {@code /<node>} only that host's;
 * {@code timeout} holds and drops each request, {@code http500} answers 500, {@code http404} 404,
 * {@code http501} an ActionNotSupported fault, {@code auth} 401 whatever the credentials, and
 * {@code malformed} makes the script fail: exit code 1 and PowerShell's CLIXML error on stderr.
 *
 * <p>Failover Clustering restarts a failed node's VM roles on the cluster's other nodes only, never
 * on a replica server in another site ({@link #hostsRecoveredGuests}).
 */
public final class HypervFront implements VendorFront {

    private static final Logger LOG = LoggerFactory.getLogger(HypervFront.class);
    private static final String SOAP_TYPE = "application/soap+xml;charset=UTF-8";
    private static final long UNKNOWN_SHELL = 2150858843L;
    private static final long ACTION_NOT_SUPPORTED = 2150858801L;

    private static final List<String> KERBEROS_SCHEMES = List.of("Negotiate", "Kerberos");

    private final Shells shells = new Shells();
    /** By service keytab and principal: each reads its keys once. */
    private final Map<String, KerberosAcceptor> acceptors = new ConcurrentHashMap<>();

    @Override
    public String platform() {
        return "hyperv";
    }

    /** Only the cluster's own nodes (in its site) are failover cluster members; replica servers are not. */
    @Override
    public boolean hostsRecoveredGuests(ClusterSpec cluster, NodeSpec node) {
        return node.site().equals(cluster.site());
    }

    @Override
    public List<String> settingKeys() {
        return HostSettings.KEYS;
    }

    @Override
    public void checkSetting(String key, String value) {
        HostSettings.check(key, value);
    }

    @Override
    public String defaultTechnology() {
        return HostSnapshot.TECHNOLOGY;
    }

    @Override
    public String apiRoot() {
        return "/wsman";
    }

    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster) {
        HostSettings settings = HostSettings.of(cluster);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("basic-login.username", settings.username());
        out.put("basic-login.password", settings.password());
        return out;
    }

    /**
     * The login; {@code allow-unencrypted} over plain HTTP; each cluster node's listener
     * ({@code node-urls}, as the scenario's hosts have no DNS names); and the site of each replica
     * server in another site ({@code sites}, by the name Hyper-V Replica gives it).
     */
    @Override
    public Map<String, String> collectorSettings(ClusterSpec cluster, String baseUrl, List<ClusterSpec> estate) {
        HostSettings settings = HostSettings.of(cluster);
        Map<String, String> out = new LinkedHashMap<>(collectorSettings(cluster));
        if (baseUrl.startsWith("http://")) {
            out.put("allow-unencrypted", "true");
        }
        // The simulated hosts answer at once, so no request needs WinRM's 20 s long poll; a host that is down
        // (its request held) then costs a poll 10 s, not 25 s, and the cluster's heartbeat is never late.
        out.put("operation-timeout", "5s");
        String clusterRoot = baseUrl.substring(0, baseUrl.length() - apiRoot().length());
        for (NodeSpec node : HostSnapshot.members(cluster)) {
            out.put("node-urls[" + node.name() + "]", clusterRoot + "/" + node.name() + "/wsman");
        }
        for (NodeSpec node : cluster.nodes()) {
            String site = cluster.siteOf(node.name());
            if (!site.equals(cluster.site())) {
                out.put("sites[" + settings.fqdn(node.name()) + "]", site);
            }
        }
        return out;
    }

    @Override
    public void serve(FrontExchange fx) throws IOException {
        HttpExchange ex = fx.http();
        try {
            String node = host(fx);
            if (node == null) {
                send(ex, 404, "text/plain", "Not found: the WinRM listeners are at /" + fx.cluster().name()
                        + "/wsman and /" + fx.cluster().name() + "/{node}/wsman");
                return;
            }
            if (!fx.read((state, now) -> state.node(node).online())) {
                fx.holdThenDrop();
                return;
            }
            if (!ex.getRequestMethod().equals("POST")) {
                send(ex, 405, "text/plain", "WS-Management takes POST");
                return;
            }
            ApiFaultKind fault = fault(fx, node);
            if (fault != null && fault != ApiFaultKind.MALFORMED && injectFault(fx, fault, node)) {
                return;
            }
            HostSettings settings = HostSettings.of(fx.cluster());
            if (!authorized(ex, settings)) {
                refuse(ex, settings);
                return;
            }
            WsmanRequest request;
            try (InputStream in = ex.getRequestBody()) {
                request = WsmanRequest.parse(in.readAllBytes());
            } catch (IllegalArgumentException e) {
                send(ex, 400, "text/plain", e.getMessage());
                return;
            }
            answer(fx, request, node, settings, fault == ApiFaultKind.MALFORMED);
        } catch (RuntimeException e) {
            LOG.warn("simulated WinRM listener failed to answer {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            send(ex, 500, "text/plain", "simulator error: " + e);
        }
    }

    /** The node a listener path names: {@code /wsman} the cluster's first Up member, {@code /<node>/wsman} that node. */
    private static String host(FrontExchange fx) {
        List<String> path = fx.path();
        ClusterSpec cluster = fx.cluster();
        if (path.size() == 1 && path.get(0).equals("wsman")) {
            List<NodeSpec> members = HostSnapshot.members(cluster);
            return fx.read((state, now) -> members.stream().map(NodeSpec::name).filter(n -> state.node(n).online())
                    .findFirst().orElse(members.get(0).name()));
        }
        if (path.size() == 2 && path.get(1).equals("wsman")
                && cluster.nodes().stream().anyMatch(n -> n.name().equals(path.get(0)))) {
            return path.get(0);
        }
        return null;
    }

    /** A fault on the node's own path wins over one on the whole cluster's {@code /wsman}. */
    private static ApiFaultKind fault(FrontExchange fx, String node) {
        ApiFaultKind own = fx.faultFor(List.of(node, "wsman"));
        return own != null ? own : fx.faultFor(List.of("wsman"));
    }

    private boolean injectFault(FrontExchange fx, ApiFaultKind fault, String node) throws IOException {
        HttpExchange ex = fx.http();
        switch (fault) {
            case TIMEOUT -> fx.holdThenDrop();
            case HTTP500 -> send(ex, 500, "text/plain", "simulated internal server error");
            case HTTP404 -> send(ex, 404, "text/plain", "Not found");
            case HTTP501 -> send(ex, 500, SOAP_TYPE, WsmanReplies.fault(null, "ActionNotSupported",
                    ACTION_NOT_SUPPORTED, "The action is not supported by the service.", node));
            case AUTH -> refuse(ex, HostSettings.of(fx.cluster()));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void answer(FrontExchange fx, WsmanRequest request, String node, HostSettings settings,
                        boolean scriptFails) throws IOException {
        HttpExchange ex = fx.http();
        String cluster = fx.cluster().name();
        switch (request.verb()) {
            case "Create" -> {
                String shellId = shells.create(cluster, node);
                sendSoap(ex, 200, WsmanReplies.shellCreated(request, shellId, ex.getRequestURI().toString()));
                return;
            }
            case "Command", "Receive", "Signal", "Delete" -> {
                // below
            }
            default -> {
                sendSoap(ex, 500, WsmanReplies.fault(request, "ActionNotSupported", ACTION_NOT_SUPPORTED,
                        "The action " + request.action() + " is not supported by the service.", node));
                return;
            }
        }
        Shells.Shell shell = shells.find(request.shellId(), cluster, node);
        if (shell == null) {
            sendSoap(ex, 500, WsmanReplies.fault(request, "InvalidSelectors", UNKNOWN_SHELL,
                    "The request for the Windows Remote Shell with ShellId " + request.shellId()
                            + " failed because the shell was not found on the server.", node));
            return;
        }
        switch (request.verb()) {
            case "Command" -> {
                String commandId;
                if (scriptFails) {
                    commandId = shell.start(new byte[0], WsmanReplies.utf8(WsmanReplies.clixmlError(
                            "Get-VM : The operation on computer '" + HostSnapshot.computerName(node)
                                    + "' failed: The WS-Management service cannot process the request. "
                                    + "(simulated script error)")), 1);
                } else {
                    String json = fx.read((state, now) -> new HostSnapshot(state, settings, now).json(node));
                    commandId = shell.start(json.getBytes(StandardCharsets.UTF_8), new byte[0], 0);
                }
                sendSoap(ex, 200, WsmanReplies.commandStarted(request, commandId));
            }
            case "Receive" -> {
                Shells.Chunk chunk = shell.next();
                sendSoap(ex, 200, WsmanReplies.received(request, shell.commandId, chunk.stdout(), chunk.stderr(),
                        chunk.exitCode()));
            }
            case "Signal" -> sendSoap(ex, 200, WsmanReplies.signalled(request));
            default -> {
                shells.delete(request.shellId());
                sendSoap(ex, 200, WsmanReplies.deleted(request));
            }
        }
    }

    /**
     * Basic with the cluster's local account, or (with a service keytab) a Kerberos ticket for the
     * listener's service under {@code Kerberos} or {@code Negotiate}; the acceptor's AP-REP then
     * goes back in {@code WWW-Authenticate} under the same scheme, as WinRM sends it with the 200.
     */
    private boolean authorized(HttpExchange ex, HostSettings settings) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return false;
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((settings.username() + ":" + settings.password())
                .getBytes(StandardCharsets.UTF_8));
        if (basic.equals(header)) {
            return true;
        }
        if (!settings.kerberos()) {
            return false;
        }
        for (String scheme : KERBEROS_SCHEMES) {
            if (header.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
                byte[] token;
                try {
                    token = Base64.getDecoder().decode(header.substring(scheme.length() + 1).trim());
                } catch (IllegalArgumentException e) {
                    return false;
                }
                KerberosAcceptor.Accepted login = acceptors.computeIfAbsent(settings.kerberosKeytab() + " "
                        + settings.kerberosPrincipal(), k -> new KerberosAcceptor(settings.kerberosKeytab(),
                        settings.kerberosPrincipal())).accept(token);
                if (login != null && login.reply().length > 0) {
                    ex.getResponseHeaders().set("WWW-Authenticate",
                            scheme + " " + Base64.getEncoder().encodeToString(login.reply()));
                }
                return login != null;
            }
        }
        return false;
    }

    /** A 401 offering what the listener accepts, as WinRM lists its enabled schemes. */
    private static void refuse(HttpExchange ex, HostSettings settings) throws IOException {
        if (settings.kerberos()) {
            KERBEROS_SCHEMES.forEach(scheme -> ex.getResponseHeaders().add("WWW-Authenticate", scheme));
        }
        ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"WSMAN\"");
        send(ex, 401, "text/plain", "");
    }

    private static void sendSoap(HttpExchange ex, int status, String envelope) throws IOException {
        send(ex, status, SOAP_TYPE, envelope);
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
