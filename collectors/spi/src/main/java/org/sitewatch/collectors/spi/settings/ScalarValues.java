package org.sitewatch.collectors.spi.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts one configuration value (a string from properties or environment variables, or a
 * number / boolean from YAML) to a simple type. Each failure is an {@link IllegalArgumentException}
 * whose message says what was expected; {@link SettingsBinder} puts the key in front.
 */
final class ScalarValues {

    /** {@code 500ms}, {@code 15s}, {@code 2m}, {@code 4h}, {@code 1d}: the same units Spring Boot takes. */
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

    private ScalarValues() {
    }

    static boolean isScalarType(Class<?> type) {
        return type == String.class || type == Boolean.class || type == boolean.class || type == Integer.class
                || type == int.class || type == Long.class || type == long.class || type == Duration.class
                || type == URI.class || type == Path.class || type.isEnum();
    }

    static Object convert(String text, Class<?> type) {
        String value = text.trim();
        if (type == String.class) {
            return text;
        }
        if (type == Boolean.class || type == boolean.class) {
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new IllegalArgumentException("must be true or false but was '" + value + "'");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            try {
                long n = Long.parseLong(value);
                return type == Long.class || type == long.class ? (Object) n : (Object) Math.toIntExact(n);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("must be a whole number but was '" + value + "'");
            }
        }
        if (type == Duration.class) {
            return duration(value);
        }
        if (type == URI.class) {
            return uri(value);
        }
        if (type == Path.class) {
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("is not a usable path: " + e.getReason());
            }
        }
        if (type.isEnum()) {
            return enumConstant(value, type);
        }
        throw new IllegalStateException("no conversion to " + type.getName());
    }

    static Duration duration(String value) {
        Matcher m = SIMPLE_DURATION.matcher(value);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            if (value.matches("\\d+")) {
                return Duration.ofMillis(Long.parseLong(value));
            }
            return Duration.parse(value);
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a duration such as 500ms, 15s, 2m, 4h or PT15S but was '"
                    + value + "'");
        }
    }

    private static URI uri(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an absolute URL such as https://host:8006/api2/json but was '"
                        + withoutUserInfo(uri) + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    /** A URL may carry user:password; never echo that part. */
    private static String withoutUserInfo(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
    }

    private static Object enumConstant(String value, Class<?> type) {
        String wanted = canonical(value);
        StringBuilder known = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            if (canonical(name).equals(wanted)) {
                return constant;
            }
            known.append(known.length() == 0 ? "" : ", ").append(name.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException("must be one of " + known + " but was '" + value + "'");
    }

    /**
     * The form keys are compared in: lower case without {@code -} and {@code _}, so
     * {@code api-token}, {@code apiToken} and the environment variable form {@code APITOKEN} meet.
     */
    static String canonical(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** {@code apiToken} → {@code api-token}. */
    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
