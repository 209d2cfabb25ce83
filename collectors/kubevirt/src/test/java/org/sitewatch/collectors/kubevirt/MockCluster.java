package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's Kubernetes API server stand-in in CRUD mode on 127.0.0.1, knowing the three kubevirt.io
 * kinds, with a client for the test to play KubeVirt's controllers (create VMs and VMIs, move their
 * phases, delete them) and a kubeconfig for the collector.
 */
final class MockCluster implements AutoCloseable {

    final KubernetesMockServer server;
    final KubernetesClient client;

    MockCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
        for (KubevirtResources resource : KubevirtResources.values()) {
            server.expectCustomResource(new CustomResourceDefinitionContext.Builder().withGroup(KubevirtResources.GROUP)
                    .withVersion(KubevirtResources.VERSION).withKind(resource.kind()).withPlural(resource.plural())
                    .withScope("Namespaced").build());
        }
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        client = server.createClient();
    }

    /** A kubeconfig pointing at this server with a bearer token. */
    String kubeconfig() {
        return Kv.kubeconfig("http://127.0.0.1:" + server.getPort());
    }

    /** Creates the object, or replaces the stored one (status included); returns what the server stored. */
    GenericKubernetesResource put(KubevirtResources kind, GenericKubernetesResource object) {
        var operation = client.genericKubernetesResources(kind.context()).inNamespace(object.getMetadata().getNamespace());
        GenericKubernetesResource stored = operation.withName(object.getMetadata().getName()).get();
        if (stored == null) {
            return operation.resource(object).create();
        }
        object.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
        object.getMetadata().setUid(stored.getMetadata().getUid());
        object.getMetadata().setCreationTimestamp(stored.getMetadata().getCreationTimestamp());
        return operation.resource(object).update();
    }

    void delete(KubevirtResources kind, String namespace, String name) {
        client.genericKubernetesResources(kind.context()).inNamespace(namespace).withName(name).delete();
    }

    /** Creates or replaces a node, status included. */
    Node put(Node node) {
        Node stored = client.nodes().withName(node.getMetadata().getName()).get();
        if (stored == null) {
            stored = client.nodes().resource(node).create();
        }
        node.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
        node.getMetadata().setUid(stored.getMetadata().getUid());
        Node updated = client.nodes().resource(node).update();
        node.getMetadata().setResourceVersion(updated.getMetadata().getResourceVersion());
        return client.nodes().resource(node).updateStatus();
    }

    @Override
    public void close() {
        client.close();
        server.destroy(); // idempotent: a test may have stopped the server already
    }
}
