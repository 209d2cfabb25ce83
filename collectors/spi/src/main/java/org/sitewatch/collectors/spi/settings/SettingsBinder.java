package org.sitewatch.collectors.spi.settings;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Binds an endpoint's vendor block, a property tree such as {@code {url: ..., api-token-env: PVE_TOKEN}},
 * onto the settings record a plug-in declares, without any configuration framework.
 *
 * <p>Rules: a record component {@code apiToken} is read from key {@code api-token} (also
 * {@code apiToken} or the environment-variable form {@code APITOKEN}); a {@link Secret} component
 * from exactly one of {@code api-token}, {@code api-token-env} and {@code api-token-file};
 * components may be strings, booleans, int/long, {@code Duration} ({@code 15s}, {@code PT15S}),
 * {@code URI} (absolute), {@code Path}, enums, nested records, {@code Map<String, T>} and
 * {@code List<T>}. A missing {@link Required} key, a value that does not convert, a key the record
 * does not have and an {@link InvalidSettingException} from the record's constructor are all
 * collected and thrown together as one {@link SettingsException}, each under its full key.
 *
 * <p>Limits: secrets are supported as record components only (not inside maps or lists).
 */
public final class SettingsBinder {

    private final SecretReader secrets;

    /** A binder reading {@code -env} secrets from the process environment. */
    public SettingsBinder() {
        this(System::getenv);
    }

    /** @param environment variable name → value, or null when unset (tests pass a map's {@code get}) */
    public SettingsBinder(Function<String, String> environment) {
        this.secrets = new SecretReader(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * @param prefix the block's full key, e.g. {@code sitewatch.collectors.endpoints[0].proxmox}
     * @param tree the block; null or empty when the configuration has none
     * @throws SettingsException listing every problem
     */
    public <T extends Record> T bind(String prefix, Map<String, ?> tree, Class<T> type) {
        List<String> problems = new ArrayList<>();
        Object bound = bindRecord(prefix, tree == null ? Map.of() : tree, type, problems);
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return type.cast(bound);
    }

    private Object bindRecord(String prefix, Map<?, ?> tree, Class<?> type, List<String> problems) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Map.Entry<?, ?>> byKey = new LinkedHashMap<>();
        tree.entrySet().forEach(e -> byKey.put(ScalarValues.canonical(String.valueOf(e.getKey())), e));
        Object[] args = new Object[components.length];
        int before = problems.size();
        List<String> known = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String key = ScalarValues.kebab(c.getName());
            known.add(c.getType() == Secret.class ? key + "[-env|-file]" : key);
            args[i] = c.getType() == Secret.class
                    ? bindSecret(prefix, key, byKey, c.isAnnotationPresent(Required.class), problems)
                    : bindComponent(prefix, key, byKey, c, problems);
        }
        for (Map.Entry<?, ?> unknown : byKey.values()) {
            problems.add(prefix + "." + unknown.getKey() + ": unknown key ("
                    + (known.isEmpty() ? "this block takes no keys" : "known here: " + String.join(", ", known)) + ")");
        }
        if (problems.size() > before) {
            return null;
        }
        return construct(prefix, type, components, args, problems);
    }

    private Object bindComponent(String prefix, String key, Map<String, Map.Entry<?, ?>> byKey, RecordComponent c,
                                 List<String> problems) {
        Map.Entry<?, ?> entry = byKey.remove(ScalarValues.canonical(key));
        if (entry == null || entry.getValue() == null) {
            if (c.isAnnotationPresent(Required.class)) {
                String example = c.getAnnotation(Required.class).example();
                problems.add(prefix + "." + key + ": is required" + (example.isEmpty() ? "" : ", e.g. " + example));
            }
            return defaultOf(c.getType());
        }
        return convert(prefix + "." + key, entry.getValue(), c.getGenericType(), problems);
    }

    private Secret bindSecret(String prefix, String key, Map<String, Map.Entry<?, ?>> byKey, boolean required,
                              List<String> problems) {
        Map.Entry<?, ?> inline = byKey.remove(ScalarValues.canonical(key));
        Map.Entry<?, ?> env = byKey.remove(ScalarValues.canonical(key + "-env"));
        Map.Entry<?, ?> file = byKey.remove(ScalarValues.canonical(key + "-file"));
        int given = (inline != null ? 1 : 0) + (env != null ? 1 : 0) + (file != null ? 1 : 0);
        if (given == 0) {
            if (required) {
                problems.add(prefix + "." + key + ": is required: give " + key + "-env (an environment variable) or "
                        + key + "-file (a file holding it), or " + key + " inline");
            }
            return null;
        }
        if (given > 1) {
            problems.add(prefix + "." + key + ": give only one of " + key + ", " + key + "-env and " + key + "-file");
            return null;
        }
        String fullKey = prefix + "." + (env != null ? key + "-env" : file != null ? key + "-file" : key);
        Object raw = (env != null ? env : file != null ? file : inline).getValue();
        if (!(raw instanceof String) && !(raw instanceof Number)) {
            problems.add(fullKey + ": must be a single value");
            return null;
        }
        try {
            String text = String.valueOf(raw);
            return env != null ? secrets.fromEnvironment(text) : file != null ? secrets.fromFile(text)
                    : SecretReader.inline(text);
        } catch (IllegalArgumentException e) {
            problems.add(fullKey + ": " + e.getMessage());
            return null;
        }
    }

    private Object convert(String key, Object value, Type type, List<String> problems) {
        Class<?> raw = rawClass(type);
        if (raw.isRecord()) {
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(key + ": must be a block of keys, not a single value");
                return null;
            }
            return bindRecord(key, map, raw, problems);
        }
        if (raw == Map.class) {
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(key + ": must be a block of name: value entries");
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), convert(key + "." + k, v, typeArgument(type, 1), problems)));
            return Collections.unmodifiableMap(out);
        }
        if (raw == List.class) {
            List<?> items = value instanceof List<?> list ? list
                    : value instanceof Map<?, ?> indexed ? byIndex(key, indexed, problems) // [0], [1]... from properties
                    : List.of(value);
            if (items == null) {
                return null;
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(convert(key + "[" + i + "]", items.get(i), typeArgument(type, 0), problems));
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problems.add(key + ": must be a single value, not a block");
            return null;
        }
        if (!ScalarValues.isScalarType(raw)) {
            throw new IllegalStateException("settings type " + raw.getName() + " at " + key + " is not supported");
        }
        try {
            return ScalarValues.convert(String.valueOf(value), raw);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }

    private static Object construct(String prefix, Class<?> type, RecordComponent[] components, Object[] args,
                                    List<String> problems) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidSettingException invalid) {
                problems.add(prefix + "." + invalid.key() + ": " + invalid.getMessage());
            } else if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
                problems.add(prefix + ": " + cause.getMessage());
            } else {
                throw new IllegalStateException("settings record " + type.getName() + " failed to construct", cause);
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("settings record " + type.getName() + " cannot be constructed", e);
        }
    }

    private static Object defaultOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        return type == long.class ? 0L : null;
    }

    private static Class<?> rawClass(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        throw new IllegalStateException("settings collections must declare their element type: " + type);
    }

    /**
     * A list written as indexed properties ({@code command[0]}, {@code command[1]}, ...), in index
     * order: the entries may arrive in any order (Spring's command-line properties come in hash
     * order), so {@code [10]} must follow {@code [9]}, not the order they were read in.
     */
    private static List<?> byIndex(String key, Map<?, ?> indexed, List<String> problems) {
        TreeMap<Integer, Object> ordered = new TreeMap<>();
        for (Map.Entry<?, ?> e : indexed.entrySet()) {
            String index = String.valueOf(e.getKey()).replaceAll("^\\[(.*)]$", "$1"); // "[0]" or "0"
            if (!index.matches("\\d{1,9}")) {
                problems.add(key + ": must be a list, but has the entry '" + index + "'");
                return null;
            }
            ordered.put(Integer.valueOf(index), e.getValue());
        }
        return new ArrayList<>(ordered.values());
    }
}
