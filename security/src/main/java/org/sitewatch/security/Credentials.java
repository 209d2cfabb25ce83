package org.sitewatch.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The checked form of {@code sitewatch.security.*}: every bearer token (as a SHA-256) and basic user with
 * their roles, from configuration and from the files it names. {@link #load} stops start-up with the
 * key at fault; nothing here ever holds a plain token after loading.
 */
public final class Credentials {

    /** Names go into logs and maintenance windows' {@code createdBy}: a small alphabet. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    /** A bcrypt hash, with or without Spring's {@code {bcrypt}} prefix. */
    static final Pattern BCRYPT = Pattern.compile("(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    /** A bearer token: who it is, its SHA-256, its roles and where it was declared (for messages). */
    public record TokenEntry(String name, byte[] sha256, Set<Role> roles, String declaredAt) {
    }

    /** An HTTP basic user: the bcrypt hash as configured (with the {@code {bcrypt}} prefix added if missing). */
    public record BasicUser(String name, String passwordHash, Set<Role> roles, String declaredAt) {

        @Override
        public String toString() {
            return "BasicUser[name=" + name + ", roles=" + roles + "]";
        }
    }

    private final List<TokenEntry> tokens;
    private final List<BasicUser> users;

    Credentials(List<TokenEntry> tokens, List<BasicUser> users) {
        this.tokens = List.copyOf(tokens);
        this.users = List.copyOf(users);
    }

    /**
     * Reads and checks every token and user.
     *
     * @throws SecurityConfigurationException naming the key (or file and line) of the first wrong entry
     */
    public static Credentials load(SitewatchSecurityProperties properties) {
        List<TokenEntry> tokens = new ArrayList<>();
        List<BasicUser> users = new ArrayList<>();
        String prefix = "sitewatch.security.";
        if (properties.adminTokenFile() != null) {
            String key = prefix + "admin-token-file";
            tokens.add(new TokenEntry("admin", TokenHash.sha256(CredentialFiles.readToken(properties.adminTokenFile(), key)),
                    EnumSet.of(Role.ADMIN), key));
        }
        for (int i = 0; i < properties.tokens().size(); i++) {
            tokens.add(token(properties.tokens().get(i), prefix + "tokens[" + i + "]"));
        }
        if (properties.tokensFile() != null) {
            tokens.addAll(CredentialFiles.tokens(properties.tokensFile(), prefix + "tokens-file"));
        }
        for (int i = 0; i < properties.users().size(); i++) {
            SitewatchSecurityProperties.User u = properties.users().get(i);
            String key = prefix + "users[" + i + "]";
            users.add(user(u.name(), u.passwordHash(), roles(u.roles(), key + ".roles"), key));
        }
        if (properties.usersFile() != null) {
            users.addAll(CredentialFiles.users(properties.usersFile(), prefix + "users-file"));
        }
        requireUniqueNames(tokens, users);
        return new Credentials(tokens, users);
    }

    private static TokenEntry token(SitewatchSecurityProperties.Token t, String key) {
        String name = name(t.name(), key + ".name");
        Set<Role> roles = roles(t.roles(), key + ".roles");
        boolean hasHash = t.sha256() != null && !t.sha256().isBlank();
        if (hasHash == (t.file() != null)) {
            throw new SecurityConfigurationException(key, "give either sha256 (the token's SHA-256 in hex) or file "
                    + "(a file holding the token), not both or neither");
        }
        byte[] hash = hasHash ? sha256(t.sha256().trim(), key + ".sha256")
                : TokenHash.sha256(CredentialFiles.readToken(t.file(), key + ".file"));
        return new TokenEntry(name, hash, roles, key);
    }

    static byte[] sha256(String hex, String key) {
        if (!TokenHash.SHA256_HEX.matcher(hex).matches()) {
            throw new SecurityConfigurationException(key, "must be the token's SHA-256 as 64 hex digits "
                    + "(printf %s \"$TOKEN\" | sha256sum), got " + hex.length() + " characters");
        }
        return HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
    }

    static BasicUser user(String name, String passwordHash, Set<Role> roles, String key) {
        String checkedName = name(name, key + ".name");
        if (passwordHash == null || !BCRYPT.matcher(passwordHash.trim()).matches()) {
            // Never echo the value: it may be a plain password put here by mistake.
            throw new SecurityConfigurationException(key + ".password-hash", "must be a bcrypt hash such as "
                    + "{bcrypt}$2a$10$... (htpasswd -nbBC 10 USER PASSWORD makes one); plain passwords are refused");
        }
        String hash = passwordHash.trim();
        return new BasicUser(checkedName, hash.startsWith("{bcrypt}") ? hash : "{bcrypt}" + hash, roles, key);
    }

    static String name(String name, String key) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SecurityConfigurationException(key, "is required: letters, digits, '.', '_', '@' or '-' "
                    + "(at most 128), got '" + (name == null ? "" : name) + "'");
        }
        return name;
    }

    static Set<Role> roles(List<String> names, String key) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            roles.add(Role.parse(n, key));
        }
        if (roles.isEmpty()) {
            throw new SecurityConfigurationException(key, "give at least one role (" + Role.names() + ")");
        }
        return roles;
    }

    private static void requireUniqueNames(List<TokenEntry> tokens, List<BasicUser> users) {
        Map<String, String> seen = new HashMap<>();
        for (TokenEntry t : tokens) {
            unique(seen, t.name(), t.declaredAt());
        }
        for (BasicUser u : users) {
            unique(seen, u.name(), u.declaredAt());
        }
    }

    private static void unique(Map<String, String> seen, String name, String declaredAt) {
        String first = seen.putIfAbsent(name, declaredAt);
        if (first != null) {
            throw new SecurityConfigurationException(declaredAt + ".name", "'" + name + "' is already the name of "
                    + first + ": each token and user needs its own name, so every change records who made it");
        }
    }

    /**
     * The token entry whose hash equals the token's, comparing against every entry in constant time per entry.
     */
    public Optional<TokenEntry> matchToken(String token) {
        byte[] hash = TokenHash.sha256(token);
        TokenEntry found = null;
        for (TokenEntry t : tokens) {
            if (TokenHash.matches(t.sha256(), hash) && found == null) {
                found = t;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<TokenEntry> tokens() {
        return tokens;
    }

    public List<BasicUser> users() {
        return users;
    }

    public boolean isEmpty() {
        return tokens.isEmpty() && users.isEmpty();
    }

    /** For the start-up log line: names and roles, never a hash. */
    String describe() {
        return tokens.size() + " token(s) " + tokens.stream().map(t -> t.name() + t.roles()).collect(Collectors.joining(", ", "[", "]"))
                + ", " + users.size() + " basic user(s) " + users.stream().map(u -> u.name() + u.roles())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Where a file entry was declared, for messages. */
    static String at(String key, Path file, int line) {
        return key + " " + file + " line " + line;
    }
}
