package org.sitewatch.collectors.spi.settings;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in free text before it reaches a log line, an exception message, a heartbeat's
 * error text or a {@code toString()}: user info of URLs ({@code https://user:pass@host}), secret-looking
 * parameters ({@code ?access_token=...}, {@code &sig=...}, {@code password="..."} in a JAAS line, a JSON
 * {@code "client_secret": "..."}), {@code Authorization}-like header values, bare {@code Bearer} tokens
 * and PEM private keys. What is masked becomes {@value #MASK}; the rest of the text is left as it is, so
 * the message still says what failed and where.
 *
 * <p>A parameter is secret-looking when its name, ignoring case, is or ends with one of
 * {@code token}, {@code key}, {@code secret}, {@code password}, {@code passwd}, {@code pwd}, {@code sig},
 * {@code signature}, {@code credential(s)}, {@code ticket} or {@code session-id} ({@code access_token},
 * {@code api-key}, {@code X-Amz-Signature}, {@code JSESSIONID} included).
 *
 * <p>Limits: it masks what looks like a credential by its form; a secret written into text without
 * a recognisable name (a bare password in a sentence) is not found. Code that holds a secret keeps it
 * in a {@link Secret}, whose {@code toString()} never shows it; this class is the net for text that
 * comes from elsewhere (vendor answers, JDK exceptions, configured URLs).
 */
public final class Redactor {

    /** What a masked value becomes; the same as {@link Secret#toString()} shows. */
    public static final String MASK = "******";

    private static final String SECRET_NAME =
            "[A-Za-z0-9_.$-]*?(?:token|key|secret|password|passwd|pwd|sig|signature|credentials?|ticket|session[_-]?id)";

    /** A record component whose name says it holds a credential. */
    private static final Pattern SECRET_COMPONENT = Pattern.compile("(?i)" + SECRET_NAME);

    /** {@code scheme://userinfo@}: everything between the scheme and the last {@code @} before the host. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s\"'<>]+@");

    /** {@code name=value} after a start, a space or a query/parameter separator; the value may be quoted. */
    private static final Pattern PARAMETER = Pattern.compile(
            "(?i)((?:^|[\\s?&;,(\\[{])" + SECRET_NAME + ")(\\s*=\\s*)(\"[^\"]*\"|'[^']*'|[^\\s&#;,\"'<>)\\]}]+)");

    /** A JSON member {@code "name": "value"}, as a vendor's error body may echo it. */
    private static final Pattern JSON_MEMBER = Pattern.compile(
            "(?i)(\"" + SECRET_NAME + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    /**
     * Header lines (or {@code name=value} map entries) whose value is a credential: masked to the end of
     * the line. Not after a query separator: {@code &api-key=...} is a parameter, masked alone.
     */
    private static final Pattern HEADER = Pattern.compile(
            "(?im)(?<![?&;.\\w-])((?:proxy-)?authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|x-vault-token"
                    + "|vmware-api-session-id)(\\s*[:=]\\s*)[^\\r\\n]+");

    /**
     * A bearer or basic credential outside a header line, e.g. in an exception's message. The value must
     * hold a digit or a token symbol, so prose such as "basic authentication" stays readable.
     */
    private static final Pattern SCHEME_CREDENTIAL = Pattern.compile(
            "(?i)\\b(bearer|basic)\\s+(?=[A-Za-z0-9._~+/=-]*[0-9._~+/=-])[A-Za-z0-9._~+/=-]{8,}");

    /** Proxmox's {@code PVEAPIToken=user@realm!id=uuid}, outside a header line. */
    private static final Pattern PVE_TOKEN = Pattern.compile("(?i)\\b(PVEAPIToken=)\\S+");

    /** A PEM private key, with or without its end line (a truncated text may have lost it). */
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----.*?(?:-----END \\1PRIVATE KEY-----|\\z)", Pattern.DOTALL);

    private Redactor() {
    }

    /** The text with every credential it recognises masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = PRIVATE_KEY.matcher(text).replaceAll(m ->
                Matcher.quoteReplacement("-----BEGIN " + m.group(1) + "PRIVATE KEY----- " + MASK + " -----END "
                        + m.group(1) + "PRIVATE KEY-----"));
        out = HEADER.matcher(out).replaceAll("$1$2" + MASK);
        out = SCHEME_CREDENTIAL.matcher(out).replaceAll("$1 " + MASK);
        out = PVE_TOKEN.matcher(out).replaceAll("$1" + MASK);
        out = USER_INFO.matcher(out).replaceAll("$1" + MASK + "@");
        out = JSON_MEMBER.matcher(out).replaceAll("$1\"" + MASK + "\"");
        out = PARAMETER.matcher(out).replaceAll("$1$2" + MASK);
        return out;
    }

    /** A URL as it may be shown: user info and secret-looking query parameters masked; null stays null. */
    public static String redact(URI uri) {
        return uri == null ? null : redact(uri.toString());
    }

    /**
     * A settings or configuration record as its default {@code toString()} would show it
     * ({@code Name[a=1, b=x]}), safe to log: a {@link Secret} shows only its origin, any other component
     * whose name looks secret ({@code webhookSecret}, {@code apiKey}) is {@value #MASK}, and every other
     * value (URLs, maps, nested records) goes through {@link #redact(String)}. Records call it from their
     * {@code toString()}, so a component added later is covered without anyone remembering to.
     */
    public static String describe(Record settings) {
        StringBuilder out = new StringBuilder(settings.getClass().getSimpleName()).append('[');
        java.lang.reflect.RecordComponent[] components = settings.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            Object value = read(settings, components[i]);
            String name = components[i].getName();
            out.append(i == 0 ? "" : ", ").append(name).append('=');
            if (value == null || value instanceof Secret) {
                out.append(value);
            } else if (SECRET_COMPONENT.matcher(name).matches()) {
                out.append(MASK);
            } else {
                out.append(redact(String.valueOf(value)));
            }
        }
        return out.append(']').toString();
    }

    private static Object read(Record settings, java.lang.reflect.RecordComponent component) {
        try {
            java.lang.reflect.Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(settings);
        } catch (ReflectiveOperationException e) {
            return "<unreadable>";
        }
    }

    /**
     * Whether a configuration key names a credential: its last segment ({@code api-token},
     * {@code login.password}, {@code webhooks[0].secret}, {@code ssl.key.password}) looks secret, or it
     * is a JAAS line, a kubeconfig or a passphrase. {@code -env}, {@code -file} and Kafka's
     * {@code property-files.*} keys name where a secret is, not the secret, so they do not count.
     */
    public static boolean isSecretKey(String key) {
        if (key == null) {
            return false;
        }
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("-env") || lower.endsWith("-file") || lower.contains("property-files")) {
            return false;
        }
        // endpoints[0].api-token, properties[ssl.key.password]: the segment after the last dot, brackets opened.
        String flat = lower.replace('[', '.').replace("]", "");
        String last = flat.substring(flat.lastIndexOf('.') + 1);
        return SECRET_COMPONENT.matcher(last).matches() || lower.contains("jaas") || last.contains("kubeconfig")
                || last.contains("passphrase");
    }

    /** Whether {@link #redact(String)} would change the text: it holds something that looks like a credential. */
    public static boolean holdsCredential(String text) {
        return text != null && !redact(text).equals(text);
    }
}
