package org.sitewatch.security;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security for every Sitewatch web app (streams app, collectors app, {@code sitewatch run}):
 * roles by path ({@link AccessRules}), bearer tokens ({@link StaticTokenAuthenticationProvider}, then
 * JWTs when {@code sitewatch.security.jwt.*} is set), HTTP basic for basic users and for tokens typed as
 * passwords under their names ({@link TokenPasswordAuthenticationProvider}), optional
 * anonymous viewing, stateless (no session, no cookie, so no CSRF token: writes take JSON only, which
 * a foreign page cannot send without a CORS preflight this API never grants). 401 and 403 as problem JSON.
 *
 * <p>Runs before Spring Boot's own security auto-configurations, which then back off (no generated password).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SitewatchSecurityProperties.class)
@EnableWebSecurity
public class SitewatchSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SitewatchSecurityAutoConfiguration.class);

    @Bean
    public Credentials sitewatchCredentials(SitewatchSecurityProperties properties) {
        Credentials credentials = Credentials.load(properties);
        if (properties.jwt().enabled()) {
            JwtSupport.checkRoleMapping(properties.jwt());
        }
        AccessRules.MetricsAccess metrics = AccessRules.MetricsAccess.parse(properties.metricsAccess());
        log.info("HTTP security: {}; JWT {}; anonymous viewing {}; metrics: {}", credentials.describe(),
                properties.jwt().enabled() ? "from " + jwtSource(properties.jwt()) : "off",
                properties.anonymousViewer() ? "ON (sitewatch.security.anonymous-viewer)" : "off",
                metrics.name().toLowerCase(java.util.Locale.ROOT));
        if (credentials.isEmpty() && !properties.jwt().enabled()) {
            log.warn("no tokens, users or JWT issuer in sitewatch.security.*: every API call {} (docs/security.md)",
                    properties.anonymousViewer() ? "except viewing is refused" : "is refused");
        }
        return credentials;
    }

    /** Also keeps Spring Boot from creating its default user with a generated password. */
    @Bean
    public UserDetailsService sitewatchBasicUsers(Credentials credentials) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (Credentials.BasicUser u : credentials.users()) {
            users.createUser(User.withUsername(u.name()).password(u.passwordHash())
                    .authorities(u.roles().stream().map(Role::authority).toArray(String[]::new)).build());
        }
        return users;
    }

    /** admin implies every role; operator and auditor imply viewer. */
    @Bean
    public static RoleHierarchy sitewatchRoleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.configName()).implies(Role.OPERATOR.configName(), Role.AUDITOR.configName(),
                        Role.METRICS.configName(), Role.VIEWER.configName())
                .role(Role.OPERATOR.configName()).implies(Role.VIEWER.configName())
                .role(Role.AUDITOR.configName()).implies(Role.VIEWER.configName())
                .build();
    }

    @Bean
    public SecurityFilterChain sitewatchSecurityFilterChain(HttpSecurity http, SitewatchSecurityProperties properties,
                                                            Credentials credentials, UserDetailsService users)
            throws Exception {
        AccessRules rules = new AccessRules(AccessRules.MetricsAccess.parse(properties.metricsAccess()));
        // basic users, and any token as a password under its own name (the way a browser logs in with a token)
        boolean basic = !credentials.isEmpty();
        ProblemResponses problems = new ProblemResponses(properties.realm(), basic, rules);
        AuthenticationManager bearer = bearerAuthentication(properties, credentials);

        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .authorizeHttpRequests(rules::apply)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(o -> o.authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (basic) {
            // tokens first: a SHA-256 is cheap, bcrypt (also run for unknown users, against timing probes) is not
            http.authenticationProvider(new TokenPasswordAuthenticationProvider(credentials));
            if (!credentials.users().isEmpty()) {
                DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
                dao.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
                http.authenticationProvider(dao);
            }
            http.httpBasic(b -> b.realmName(properties.realm()).authenticationEntryPoint(problems));
        } else {
            http.httpBasic(b -> b.disable());
        }
        if (properties.anonymousViewer()) {
            http.anonymous(a -> a.principal("anonymous").authorities(Role.VIEWER.authority()));
        }
        return http.build();
    }

    private static AuthenticationManager bearerAuthentication(SitewatchSecurityProperties properties, Credentials credentials) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new StaticTokenAuthenticationProvider(credentials));
        if (properties.jwt().enabled()) {
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(JwtSupport.decoder(properties.jwt()));
            jwt.setJwtAuthenticationConverter(JwtSupport.authentication(properties.jwt()));
            providers.add(jwt);
        }
        return new ProviderManager(providers);
    }

    private static String jwtSource(SitewatchSecurityProperties.Jwt jwt) {
        if (jwt.jwkSetUri() != null) {
            return jwt.jwkSetUri().toString();
        }
        return jwt.publicKeyFile() != null ? jwt.publicKeyFile().toString() : jwt.issuerUri() + " (discovery)";
    }
}
