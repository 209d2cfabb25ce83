package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sitewatch.alerting.config.AlertingProperties;
import org.sitewatch.collectors.config.CollectorsProperties;
import org.sitewatch.collectors.spi.CollectorFactory;
import org.sitewatch.collectors.spi.settings.InvalidSettingException;
import org.sitewatch.collectors.spi.settings.Secret;
import org.sitewatch.collectors.spi.settings.SettingsWalker;

/**
 * A fence around {@code toString()} of every configuration record: the settings record of every
 * vendor plug-in on the application's class path (found by ServiceLoader, so a new vendor is covered
 * without touching this test), every record nested in them, and the runtime's and alerting's
 * configuration records. Each is built by reflection with a known secret in every component that can
 * hold one (secrets, tokens, passwords, URLs with user info and a token parameter, Kafka JAAS lines);
 * its {@code toString()} must not contain the secret, and neither may the message of any value its
 * constructor refuses.
 *
 * <p>How a record is built: each component has a list of candidate values, those carrying the secret
 * first; when the constructor refuses a value ({@link InvalidSettingException} names the key), that
 * component moves to its next candidate. A record holding secret-capable components must end up
 * holding the secret, or the test fails: a record the sampler cannot fill is not silently skipped.
 */
class ConfigurationRecordsNeverShowSecretsTest {

    private static final String SECRET = "K9never-shown7f3a1c";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(token|key|secret|password|passwd|passphrase|credentials?|kubeconfig)");
    private static final Pattern URL_NAME = Pattern.compile("(?i).*(url|uri|urls|uris)");
    /** Maps of client properties (a JAAS line, key store passwords) or of URLs. */
    private static final Pattern SECRET_MAP_NAME = Pattern.compile("(?i).*(url|uri|urls|uris|producer|consumer|kafka|properties)");
    private static final int MAX_ATTEMPTS = 400;

    private final List<String> refusals = new ArrayList<>();

    @Test
    void shouldNeverShowASecretInTheToStringOfAnyConfigurationRecord() {
        Set<Class<?>> types = new LinkedHashSet<>();
        ServiceLoader.load(CollectorFactory.class).forEach(f -> collect(f.settingsType(), types));
        collect(CollectorsProperties.class, types);
        collect(AlertingProperties.class, types);
        // The SPI's shared credential records, whether or not a shipped vendor uses them today.
        collect(org.sitewatch.collectors.spi.settings.OAuth2Client.class, types);
        collect(org.sitewatch.collectors.spi.settings.SshKey.class, types);
        collect(org.sitewatch.collectors.spi.settings.UserPassword.class, types);
        collect(org.sitewatch.collectors.spi.settings.WindowsLogin.class, types);
        assertThat(types).as("settings records found").hasSizeGreaterThan(15);

        List<String> leaks = new ArrayList<>();
        List<String> unfilled = new ArrayList<>();
        for (Class<?> type : types) {
            Object sample = sample(type);
            if (sample == null) {
                unfilled.add(type.getName() + " (no accepted combination)");
                continue;
            }
            if (holdsSecretCapableComponent(type) && !carriesSecret(sample)) {
                unfilled.add(type.getName() + " (built, but none of its components kept the secret)");
            }
            if (sample.toString().contains(SECRET)) {
                leaks.add(type.getName() + ": " + sample);
            }
        }

        assertThat(unfilled).as("records the sampler could not fill with the secret").isEmpty();
        assertThat(leaks).as("toString() showing the secret").isEmpty();
        assertThat(refusals).as("constructor messages quoting the secret").noneMatch(m -> m.contains(SECRET));
    }

    /** The record type and every record type reachable through its components. */
    private static void collect(Class<?> type, Set<Class<?>> into) {
        if (!type.isRecord() || !into.add(type)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            for (Class<?> t : classesIn(c.getGenericType())) {
                collect(t, into);
            }
        }
    }

    private static List<Class<?>> classesIn(Type type) {
        List<Class<?>> out = new ArrayList<>();
        if (type instanceof Class<?> c) {
            out.add(c);
        } else if (type instanceof ParameterizedType p) {
            out.add((Class<?>) p.getRawType());
            Arrays.stream(p.getActualTypeArguments()).forEach(a -> out.addAll(classesIn(a)));
        }
        return out;
    }

    /** Builds one instance, moving components to their next candidate while the constructor refuses. */
    private Object sample(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<List<Object>> candidates = new ArrayList<>();
        for (RecordComponent c : components) {
            candidates.add(candidates(c.getName(), c.getGenericType()));
        }
        int[] chosen = new int[components.length];
        int blind = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = candidates.get(i).get(chosen[i]);
            }
            try {
                return construct(type, components, args);
            } catch (InvalidSettingException e) {
                refusals.add(e.getMessage());
                int i = indexOf(components, e.key());
                if (i < 0 || !advance(chosen, candidates, i)) {
                    blind = advanceBlindly(chosen, candidates, blind);
                }
            } catch (RuntimeException e) {
                refusals.add(String.valueOf(e.getMessage()));
                blind = advanceBlindly(chosen, candidates, blind);
            }
            if (blind < 0) {
                return null;
            }
        }
        return null;
    }

    private static boolean advance(int[] chosen, List<List<Object>> candidates, int i) {
        if (chosen[i] + 1 >= candidates.get(i).size()) {
            return false;
        }
        chosen[i]++;
        return true;
    }

    /** A refusal that names no component: try the next candidate of the components in turn; -1 when all are spent. */
    private static int advanceBlindly(int[] chosen, List<List<Object>> candidates, int from) {
        for (int k = 0; k < chosen.length; k++) {
            int i = (from + k) % chosen.length;
            if (advance(chosen, candidates, i)) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int indexOf(RecordComponent[] components, String key) {
        String first = key == null ? "" : key.split("[.\\[]")[0];
        for (int i = 0; i < components.length; i++) {
            if (kebab(components[i].getName()).equals(first)) {
                return i;
            }
        }
        return -1;
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] args) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Values for one component, those carrying the secret first. */
    private List<Object> candidates(String name, Type type) {
        Class<?> raw = classesIn(type).get(0);
        List<Object> out = new ArrayList<>();
        if (raw == Secret.class) {
            out.add(Secret.inline(SECRET));
            out.add(Secret.inline("monitor@pve!sitewatch=" + SECRET));
            out.add(Secret.inline("-----BEGIN PRIVATE KEY-----\n" + SECRET + "\n-----END PRIVATE KEY-----"));
            out.add(null);
        } else if (raw == URI.class) {
            out.add(URI.create("https://monitor:" + SECRET + "@h.example:8443/api?access_token=" + SECRET));
            out.add(URI.create("https://h.example:8443/api?access_token=" + SECRET));
            out.add(URI.create("https://h.example:8443/api"));
            out.add(null);
        } else if (raw == String.class) {
            if (SECRET_NAME.matcher(name).matches()) {
                out.add(SECRET);
            }
            if (URL_NAME.matcher(name).matches()) {
                out.add("qemu+ssh://monitor:" + SECRET + "@kvm1/system?sig=" + SECRET);
                out.add("https://monitor:" + SECRET + "@h.example/api");
                out.add("qemu+ssh://kvm1/system");
            }
            // A user@domain first: a nested login record cannot be refilled when its parent refuses its user name.
            out.add("sitewatch@internal");
            out.add("sample");
            out.add("00000000-0000-0000-0000-000000000001");
            out.add(null);
        } else if (raw == Map.class) {
            Class<?> valueType = classesIn(((ParameterizedType) type).getActualTypeArguments()[1]).get(0);
            if (valueType == String.class) {
                if (SECRET_MAP_NAME.matcher(name).matches()) {
                    out.add(Map.of("sasl.jaas.config", "ScramLoginModule required username=\"u\" password=\"" + SECRET
                            + "\";", "ssl.key.password", SECRET));
                    out.add(Map.of("hv-a1", "https://monitor:" + SECRET + "@hv-a1.example:5986/wsman"));
                }
                out.add(Map.of());
                out.add(Map.of("rbd/vm-1", "site-b"));
                out.add(Map.of("kvm-b1", "site-b"));
            } else {
                candidates("value", ((ParameterizedType) type).getActualTypeArguments()[1]).stream()
                        .filter(v -> v != null).findFirst().ifPresent(v -> out.add(Map.of("sample", v)));
                out.add(Map.of());
            }
            out.add(null);
        } else if (raw == List.class || raw == Set.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            for (Object v : candidates(name, element)) {
                if (v != null) {
                    out.add(raw == List.class ? List.of(v) : Set.of(v));
                }
            }
            out.add(raw == List.class ? List.of() : Set.of());
            out.add(null);
        } else if (raw.isRecord()) {
            Object nested = sample(raw);
            if (nested != null) {
                out.add(nested);
            }
            out.add(null);
        } else {
            out.addAll(plain(raw));
        }
        return out;
    }

    private static List<Object> plain(Class<?> raw) {
        List<Object> out = new ArrayList<>();
        if (raw == boolean.class) {
            out.add(false);
            out.add(true);
        } else if (raw == int.class || raw == long.class) {
            out.add(raw == int.class ? (Object) 5 : (Object) 4_194_304L);
            out.add(raw == int.class ? (Object) 1 : (Object) 1L);
        } else if (raw == double.class) {
            out.add(0.8);
        } else if (raw.isPrimitive()) {
            throw new IllegalStateException("no sample for primitive " + raw);
        } else {
            out.add(null);
            if (raw == Integer.class) {
                out.add(5);
            } else if (raw == Long.class) {
                out.add(4_194_304L);
            } else if (raw == Duration.class) {
                out.add(Duration.ofSeconds(10));
            } else if (raw == Path.class) {
                out.add(Path.of("/nonexistent/sample"));
            } else if (raw == Instant.class) {
                out.add(Instant.parse("2030-01-01T00:00:00Z"));
            } else if (raw.isEnum()) {
                out.addAll(Arrays.asList(raw.getEnumConstants()));
            }
        }
        return out;
    }

    private static boolean holdsSecretCapableComponent(Class<?> type) {
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> raw = c.getType();
            List<Class<?>> inner = classesIn(c.getGenericType());
            if (inner.contains(Secret.class) || inner.contains(URI.class)
                    || raw == Map.class && SECRET_MAP_NAME.matcher(c.getName()).matches()
                    || raw == String.class && (SECRET_NAME.matcher(c.getName()).matches()
                    || URL_NAME.matcher(c.getName()).matches())) {
                return true;
            }
        }
        return false;
    }

    private static boolean carriesSecret(Object sample) {
        Map<String, Object> seen = new LinkedHashMap<>();
        SettingsWalker.walk((Record) sample, seen::put);
        return seen.values().stream().anyMatch(v -> v instanceof Secret s ? s.reveal().contains(SECRET)
                : !(v instanceof Record) && String.valueOf(v).contains(SECRET));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
