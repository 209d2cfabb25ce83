package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Builds the fabric8 client of one endpoint: from the kubeconfig (and its context), or in a pod from
 * the service account; on the JDK's HTTP client, with the endpoint's time-out, and without fabric8's
 * own request retries (the runtime retries, with back-off, and reports each failure).
 */
final class KubeClients {

    private KubeClients() {
    }

    static Config config(EndpointConfig endpoint, KubevirtSettings settings) throws CollectorException {
        String block = endpoint.vendor().key();
        Config config;
        if (settings.inCluster()) {
            if (System.getenv("KUBERNETES_SERVICE_HOST") == null) {
                throw CollectorException.permanent(CollectorErrorKind.CONFIG, block + ".in-cluster: the collector "
                        + "does not run in a Kubernetes pod (KUBERNETES_SERVICE_HOST is not set)",
                        "Give " + block + ".kubeconfig-file instead, or run the collector in the cluster", null);
            }
            config = Config.autoConfigure(null);
        } else {
            try {
                config = fromKubeconfig(settings.kubeconfig().reveal(), settings.context());
            } catch (RuntimeException e) {
                // The message may quote the file's content: name the problem's type and the key only.
                throw CollectorException.permanent(CollectorErrorKind.CONFIG, block + ".kubeconfig: the kubeconfig from "
                        + settings.kubeconfig().origin() + " cannot be used" + contextHint(settings) + " ("
                        + e.getClass().getSimpleName() + ")", "Check the file with kubectl --kubeconfig <file> "
                        + "config view", e);
            }
        }
        if (settings.context() != null && (config.getCurrentContext() == null
                || !settings.context().equals(config.getCurrentContext().getName()))) {
            throw CollectorException.permanent(CollectorErrorKind.CONFIG, block + ".context: the kubeconfig from "
                    + (settings.kubeconfig() == null ? "the service account" : settings.kubeconfig().origin())
                    + " has no context '" + settings.context() + "'", "Name one of its contexts (kubectl config "
                    + "get-contexts), or leave context out for its current-context", null);
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw CollectorException.permanent(CollectorErrorKind.CONFIG, block + ".kubeconfig: the kubeconfig from "
                    + (settings.kubeconfig() == null ? "the service account" : settings.kubeconfig().origin())
                    + " names no API server" + contextHint(settings), "Check its clusters and contexts", null);
        }
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, endpoint.timeout().toMillis());
        config.setConnectionTimeout(timeoutMillis);
        config.setRequestTimeout(timeoutMillis);
        config.setRequestRetryBackoffLimit(0);
        return config;
    }

    /**
     * The kubeconfig's current context, or the named one. fabric8 8 takes a context with a kubeconfig
     * given as text only through a method marked for removal; it is used only when a context is set.
     */
    @SuppressWarnings("removal")
    private static Config fromKubeconfig(String kubeconfig, String context) {
        return context == null ? Config.fromKubeconfig(kubeconfig) : Config.fromKubeconfig(context, kubeconfig, null);
    }

    static KubernetesClient client(Config config, AnswerCapInterceptor cap) {
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory())
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor(AnswerCapInterceptor.NAME, cap)).build();
    }

    private static String contextHint(KubevirtSettings settings) {
        return settings.context() == null ? "" : " with context '" + settings.context() + "'";
    }
}
