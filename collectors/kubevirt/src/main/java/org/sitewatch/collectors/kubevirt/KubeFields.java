package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient reads of KubeVirt objects, which arrive as fabric8 {@link GenericKubernetesResource}s
 * (plain maps under {@code spec} and {@code status}): a missing or oddly typed field is null, never
 * an exception, since KubeVirt adds and renames status fields between releases.
 */
final class KubeFields {

    private KubeFields() {
    }

    /** {@code namespace/name}: how VMs are identified, since a VMI is named after its VM. */
    static String key(HasMetadata resource) {
        String ns = resource.getMetadata().getNamespace();
        return (ns == null ? "" : ns) + "/" + resource.getMetadata().getName();
    }

    static String uid(HasMetadata resource) {
        return resource.getMetadata().getUid();
    }

    /** The value at {@code path} as text; null when missing or not a scalar. */
    static String text(GenericKubernetesResource resource, Object... path) {
        Object value = value(resource, path);
        return value instanceof String || value instanceof Number || value instanceof Boolean ? String.valueOf(value) : null;
    }

    /** The value at {@code path} as a boolean: JSON {@code true} or the text "true". */
    static boolean flag(GenericKubernetesResource resource, Object... path) {
        Object value = value(resource, path);
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    /** A nested block ({@code status.migrationState}), empty when missing. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> block(GenericKubernetesResource resource, Object... path) {
        Object value = value(resource, path);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static String text(Map<String, Object> block, String key) {
        Object value = block.get(key);
        return value instanceof String || value instanceof Number || value instanceof Boolean ? String.valueOf(value) : null;
    }

    static boolean flag(Map<String, Object> block, String key) {
        Object value = block.get(key);
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    /** The {@code status.conditions[]} entry of this {@code type}, if any. */
    static Optional<Map<String, Object>> condition(GenericKubernetesResource resource, String type) {
        if (!(value(resource, "status", "conditions") instanceof List<?> conditions)) {
            return Optional.empty();
        }
        for (Object entry : conditions) {
            if (entry instanceof Map<?, ?> map && type.equals(map.get("type"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> condition = (Map<String, Object>) map;
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    /** Whether the condition of this {@code type} has status "True". */
    static boolean conditionTrue(GenericKubernetesResource resource, String type) {
        return condition(resource, type).map(c -> "True".equals(c.get("status"))).orElse(false);
    }

    /** An RFC 3339 time as KubeVirt writes it; null when missing or unreadable. */
    static Instant time(String rfc3339) {
        if (rfc3339 == null || rfc3339.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(rfc3339.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** When the object entered {@code phase}, from {@code status.phaseTransitionTimestamps[]}; null when not said. */
    static Instant phaseEntered(GenericKubernetesResource resource, String phase) {
        if (!(value(resource, "status", "phaseTransitionTimestamps") instanceof List<?> transitions)) {
            return null;
        }
        Instant latest = null;
        for (Object entry : transitions) {
            if (entry instanceof Map<?, ?> map && phase.equals(map.get("phase"))) {
                Instant at = time(map.get("phaseTransitionTimestamp") instanceof String s ? s : null);
                if (at != null && (latest == null || at.isAfter(latest))) {
                    latest = at;
                }
            }
        }
        return latest;
    }

    private static Object value(GenericKubernetesResource resource, Object... path) {
        Object current = resource.getAdditionalProperties();
        for (Object step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }
}
