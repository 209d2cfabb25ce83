package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.http.AnswerTooLargeException;
import org.sitewatch.collectors.spi.http.HttpFailures;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Classifies what fabric8 throws while listing or watching into the SPI's failure kinds: 401/403 →
 * AUTH (permanent), 404 on a kubevirt.io resource → CONFIG "KubeVirt is not installed" (permanent),
 * 429 → throttled, 5xx → HTTP_5XX, TLS → TLS (permanent), connect failures → CONNECT and time-outs →
 * TIMEOUT (both retriable). Messages name the API server and the resource, never a credential.
 */
final class KubevirtFailures {

    private final String apiServer;
    private final String credentials;
    private final String block;

    /**
     * @param apiServer the API server's URL, for messages
     * @param credentials where the credentials came from (a kubeconfig file, the service account)
     * @param block the endpoint's settings key, {@code sitewatch.collectors.endpoints[n].kubevirt}
     */
    KubevirtFailures(String apiServer, String credentials, String block) {
        this.apiServer = apiServer;
        this.credentials = credentials;
        this.block = block;
    }

    /**
     * @param path what was being read, e.g. {@code /apis/kubevirt.io/v1/virtualmachineinstances}
     * @param kubevirt whether it is a KubeVirt resource (a 404 then means KubeVirt is missing)
     */
    CollectorException classify(Throwable failure, String path, boolean kubevirt) {
        Throwable t = unwrap(failure);
        KubernetesClientException api = find(t, KubernetesClientException.class);
        int code = api == null ? 0 : api.getCode();
        String where = apiServer + path;
        AnswerTooLargeException tooLarge = find(t, AnswerTooLargeException.class);
        if (tooLarge != null) {
            return HttpFailures.tooLarge("reading " + where, tooLarge);
        }
        if (code == 401) {
            return CollectorException.permanent(CollectorErrorKind.AUTH, "the API server " + apiServer
                    + " rejected the credentials from " + credentials + " (401)", "Renew the token or client "
                    + "certificate (" + block + ".kubeconfig-file, or the pod's service account)", failure);
        }
        if (code == 403) {
            return CollectorException.permanent(CollectorErrorKind.AUTH, "the account from " + credentials
                    + " may not list and watch " + where + " (403" + statusMessage(api) + ")", "Grant get, list and "
                    + "watch on kubevirt.io virtualmachines, virtualmachineinstances and "
                    + "virtualmachineinstancemigrations and on nodes (a ClusterRole, or a Role per watched namespace)",
                    failure);
        }
        if (code == 404 && kubevirt) {
            return CollectorException.permanent(CollectorErrorKind.CONFIG, "KubeVirt is not installed on this cluster: "
                    + apiServer + " does not serve " + KubevirtResources.GROUP + "/" + KubevirtResources.VERSION + " ("
                    + path + " answered 404)", "Install KubeVirt or OpenShift Virtualization, or point " + block
                    + " at a cluster that runs it", failure);
        }
        if (code == 429) {
            return CollectorException.throttled("the API server " + apiServer + " throttled reading " + path + " (429)",
                    retryAfter(api));
        }
        if (code >= 500) {
            return CollectorException.retriable(CollectorErrorKind.HTTP_5XX, where + " answered " + code + statusMessage(api),
                    failure);
        }
        if (code >= 400) {
            return CollectorException.permanent(CollectorErrorKind.HTTP_4XX, where + " answered " + code + statusMessage(api),
                    "Check " + block + " (the kubeconfig's server and context)", failure);
        }
        if (find(t, SSLException.class) != null || find(t, GeneralSecurityException.class) != null) {
            return CollectorException.permanent(CollectorErrorKind.TLS, "TLS with the API server " + apiServer
                    + " failed: " + rootMessage(t), "Check the certificate-authority data of the kubeconfig ("
                    + block + ".kubeconfig-file)", failure);
        }
        if (find(t, HttpConnectTimeoutException.class) != null || find(t, ConnectException.class) != null
                || find(t, UnknownHostException.class) != null || find(t, NoRouteToHostException.class) != null
                || find(t, ClosedChannelException.class) != null) {
            return CollectorException.retriable(CollectorErrorKind.CONNECT, "cannot reach the API server " + apiServer
                    + ": " + rootMessage(t), failure);
        }
        if (find(t, HttpTimeoutException.class) != null || find(t, SocketTimeoutException.class) != null
                || find(t, TimeoutException.class) != null) {
            return CollectorException.retriable(CollectorErrorKind.TIMEOUT, "reading " + where + " timed out", failure);
        }
        if (unparseable(t)) {
            return CollectorException.retriable(CollectorErrorKind.MALFORMED, "the API server's answer to " + where
                    + " could not be read: " + rootMessage(t), failure);
        }
        if (find(t, IOException.class) != null) {
            return CollectorException.retriable(CollectorErrorKind.CONNECT, "reading " + where + " failed: " + rootMessage(t),
                    failure);
        }
        return CollectorException.retriable(CollectorErrorKind.INTERNAL, "watching " + where + " failed: " + rootMessage(t),
                failure);
    }

    /**
     * Whether the answer could not be parsed: fabric8 reads JSON with Jackson and falls back to YAML
     * (SnakeYAML) for what is not JSON, so either parser's error anywhere in the chain means a
     * malformed answer, not a bug of the collector.
     */
    private static boolean unparseable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            // By name: the plug-in may use fabric8 only, not the parsers fabric8 brings along.
            String type = c.getClass().getName();
            if (type.startsWith("com.fasterxml.jackson.") || type.contains("snakeyaml")) {
                return true;
            }
            // fabric8 re-throws some parse errors as its own exception with the parser's text only.
            String m = c.getMessage();
            if (m != null && (m.startsWith("Cannot deserialize") || m.startsWith("while parsing")
                    || m.startsWith("Unexpected character") || m.startsWith("Unrecognized token"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The wait a 429 asked for: the API server's Status carries it as {@code details.retryAfterSeconds}
     * (with the same value as its Retry-After header, which fabric8's exception does not keep); null when absent.
     */
    private static Duration retryAfter(KubernetesClientException api) {
        Status status = api.getStatus();
        Integer seconds = status == null || status.getDetails() == null ? null : status.getDetails().getRetryAfterSeconds();
        return seconds == null || seconds < 0 ? null : Duration.ofSeconds(seconds);
    }

    /** Whether the API server answered 403: the account lacks a right. */
    static boolean isForbidden(Throwable failure) {
        KubernetesClientException api = find(unwrap(failure), KubernetesClientException.class);
        return api != null && api.getCode() == 403;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String statusMessage(KubernetesClientException api) {
        if (api == null || api.getStatus() == null || api.getStatus().getMessage() == null) {
            return "";
        }
        return ": " + api.getStatus().getMessage();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
