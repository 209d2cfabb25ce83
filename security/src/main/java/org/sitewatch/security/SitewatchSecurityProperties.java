package org.sitewatch.security;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sitewatch.security.*}: who may call the HTTP API. Checked at start-up by {@link Credentials#load};
 * a wrong entry stops the application with its key. docs/security.md has examples.
 *
 * @param anonymousViewer whether callers without credentials get the {@code viewer} role (default false: an explicit choice)
 * @param metricsAccess who may read {@code /actuator/prometheus} and {@code /actuator/metrics}
 * @param realm the realm named in {@code WWW-Authenticate}
 * @param adminTokenFile a file holding one plain admin token (the embedded default writes one into its data folder)
 * @param tokens bearer tokens, each stored as a SHA-256 or read from a file
 * @param tokensFile a file of {@code <name> <sha256-hex> <role>[,<role>...]} lines
 * @param users HTTP basic users with bcrypt password hashes
 * @param usersFile a file of {@code <name> <bcrypt-hash> <role>[,<role>...]} lines
 * @param jwt OIDC / JWT resource-server mode (off unless an issuer, a JWK set or a public key is given)
 */
@ConfigurationProperties("sitewatch.security")
public record SitewatchSecurityProperties(
        @DefaultValue("false") boolean anonymousViewer,
        @DefaultValue("role") String metricsAccess,
        @DefaultValue("sitewatch") String realm,
        Path adminTokenFile,
        @DefaultValue List<Token> tokens,
        Path tokensFile,
        @DefaultValue List<User> users,
        Path usersFile,
        @DefaultValue Jwt jwt) {

    /**
     * {@code sitewatch.security.tokens[n].*}: exactly one of {@code sha256} and {@code file}.
     *
     * @param name who the token is (a maintenance window created with it records this name)
     * @param sha256 hex SHA-256 of the token ({@code printf %s "$TOKEN" | sha256sum})
     * @param file a file holding the plain token (a mounted secret); hashed in memory when read
     * @param roles its roles
     */
    public record Token(String name, String sha256, Path file, @DefaultValue List<String> roles) {

        @Override
        public String toString() {
            return "Token[name=" + name + ", file=" + file + ", roles=" + roles + "]";
        }
    }

    /**
     * {@code sitewatch.security.users[n].*}.
     *
     * @param name the login
     * @param passwordHash bcrypt hash ({@code {bcrypt}$2a$...} or {@code $2a$...}); never a plain password
     * @param roles the user's roles
     */
    public record User(String name, String passwordHash, @DefaultValue List<String> roles) {

        @Override
        public String toString() {
            return "User[name=" + name + ", roles=" + roles + "]";
        }
    }

    /**
     * {@code sitewatch.security.jwt.*}. Keys come from {@code jwk-set-uri}, else {@code public-key-file}, else the
     * issuer's discovery document ({@code issuer-uri}, fetched on the first token). When {@code issuer-uri} is set,
     * the {@code iss} claim must equal it.
     *
     * @param issuerUri the identity provider's issuer
     * @param jwkSetUri where its signing keys are published
     * @param publicKeyFile a PEM RSA public key ({@code -----BEGIN PUBLIC KEY-----})
     * @param audience when set, the {@code aud} claim must contain it
     * @param rolesClaim the claim holding roles or groups; a dotted path such as {@code realm_access.roles} reaches into objects
     * @param usernameClaim the claim naming the caller (falls back to {@code sub})
     * @param roleMapping claim value to Sitewatch role, e.g. {@code [sre-oncall]: operator}; when empty, values that are
     *     role names ({@code viewer}, {@code operator}, ...) are taken as they are
     */
    public record Jwt(URI issuerUri, URI jwkSetUri, Path publicKeyFile, String audience,
                      @DefaultValue("roles") String rolesClaim,
                      @DefaultValue("preferred_username") String usernameClaim,
                      @DefaultValue Map<String, String> roleMapping) {

        public boolean enabled() {
            return issuerUri != null || jwkSetUri != null || publicKeyFile != null;
        }
    }
}
