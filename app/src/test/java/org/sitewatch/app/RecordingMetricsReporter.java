package org.sitewatch.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsContext;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * A Kafka metrics reporter that remembers every Kafka client that instantiated it: its kind (the
 * metrics namespace: {@code kafka.producer}, {@code kafka.consumer}, {@code kafka.admin.client},
 * {@code kafka.streams}), its client id, and the Sitewatch class that created the client (the first
 * {@code org.sitewatch} frame outside this test). A client only instantiates it when its
 * {@code metric.reporters} setting names it, so each record proves that setting reached that client.
 */
public final class RecordingMetricsReporter implements MetricsReporter {

    /** One client that was configured with this reporter. */
    public record Client(String kind, String clientId, String createdBy) {
    }

    private static final List<Client> CLIENTS = new CopyOnWriteArrayList<>();

    private String clientId;
    private String createdBy;

    public static List<Client> clients() {
        return List.copyOf(CLIENTS);
    }

    public static void clear() {
        CLIENTS.clear();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        clientId = String.valueOf(configs.get("client.id"));
        createdBy = StackWalker.getInstance().walk(frames -> frames
                .map(StackWalker.StackFrame::getClassName)
                .filter(c -> c.startsWith("org.sitewatch.") && !c.equals(RecordingMetricsReporter.class.getName()))
                .findFirst().orElse("?"));
    }

    @Override
    public void contextChange(MetricsContext context) {
        CLIENTS.add(new Client(context.contextLabels().get("_namespace"), clientId, createdBy));
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
    }

    @Override
    public void metricChange(KafkaMetric metric) {
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
    }

    @Override
    public void close() {
    }
}
