package org.sitewatch.collectors.kubevirt;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.sitewatch.collectors.spi.http.BoundedAnswers;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Redactor;
import org.sitewatch.collectors.spi.settings.Secret;

/**
 * An endpoint's KubeVirt block, {@code sitewatch.collectors.endpoints[n].kubevirt.*}: one endpoint
 * is one Kubernetes or OpenShift cluster and one site (nodes standing in another site are named in
 * the endpoint's common {@code node-sites}).
 *
 * @param kubeconfig a kubeconfig, normally from {@code kubeconfig-file}; exactly one of this and
 *     {@code in-cluster} is given
 * @param inCluster use the pod's service account (the collector runs inside the cluster)
 * @param context the kubeconfig context to use; null for its {@code current-context}
 * @param namespaces the namespaces whose VMs are watched; empty (the default) for all namespaces
 * @param clusterName the name VMs, hosts and the HA cluster record carry as {@code cluster};
 *     null for the endpoint's id
 * @param resyncPeriod how often a full snapshot is rebuilt from the watch caches and published,
 *     on top of the one after every (re-)list (default 10 minutes)
 * @param maxResponseBytes the largest answer read, one list page or one other request (default 32 MiB);
 *     past it the read stops and the subscription fails naming this key. A watch is a stream without
 *     end, so it is not capped as a whole (fabric8 reads it one event at a time)
 */
public record KubevirtSettings(
        Secret kubeconfig,
        boolean inCluster,
        String context,
        List<String> namespaces,
        String clusterName,
        Duration resyncPeriod,
        Long maxResponseBytes) {

    static final Duration DEFAULT_RESYNC_PERIOD = Duration.ofMinutes(10);
    /** A Kubernetes namespace name (RFC 1123 label). */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public KubevirtSettings {
        if (kubeconfig == null && !inCluster) {
            throw new InvalidSettingException("kubeconfig", "is required: give kubeconfig-file (a kubeconfig file), "
                    + "or in-cluster: true when the collector runs in the cluster with a service account");
        }
        if (kubeconfig != null && inCluster) {
            throw new InvalidSettingException("in-cluster", "give either kubeconfig or in-cluster: true, not both");
        }
        if (context != null && inCluster) {
            throw new InvalidSettingException("context", "applies to a kubeconfig only, not to in-cluster: true");
        }
        if (context != null && context.isBlank()) {
            throw new InvalidSettingException("context", "must not be blank (leave it out for the kubeconfig's current-context)");
        }
        namespaces = namespaces == null ? List.of() : List.copyOf(new LinkedHashSet<>(namespaces));
        for (int i = 0; i < namespaces.size(); i++) {
            String ns = namespaces.get(i);
            if (ns == null || !NAMESPACE.matcher(ns).matches()) {
                throw new InvalidSettingException("namespaces[" + i + "]", "'" + ns + "' is not a namespace name "
                        + "(lower-case letters, digits and '-', at most 63 characters)");
            }
        }
        if (clusterName != null && clusterName.isBlank()) {
            throw new InvalidSettingException("cluster-name", "must not be blank (leave it out for the endpoint's id)");
        }
        maxResponseBytes = maxResponseBytes == null ? BoundedAnswers.DEFAULT_MAX_BYTES : maxResponseBytes;
        if (maxResponseBytes < 1024) {
            throw new InvalidSettingException("max-response-bytes", "must be at least 1024 but was " + maxResponseBytes);
        }
        resyncPeriod = resyncPeriod == null ? DEFAULT_RESYNC_PERIOD : resyncPeriod;
        if (resyncPeriod.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidSettingException("resync-period", "must be at least 1s but was " + resyncPeriod);
        }
    }

    /** Whether every namespace is watched. */
    boolean allNamespaces() {
        return namespaces.isEmpty();
    }

    /** Safe to log: secrets show only their origin, URLs lose user info and secret parameters. */
    @Override
    public String toString() {
        return Redactor.describe(this);
    }
}
