package org.sitewatch.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which role each path needs, first match wins. The one table both configures Spring Security and
 * names the missing role in a 403's detail. Unknown paths need {@code viewer} to read and {@code admin}
 * for anything else, so a new endpoint is never open by accident.
 *
 * <table>
 * <caption>the rules</caption>
 * <tr><td>GET /, /index.html, /status.js, /status.css, /favicon.ico</td><td>anyone (the status page;
 *     its API calls need viewer)</td></tr>
 * <tr><td>/error, GET /actuator/health[/**]</td><td>anyone (details only for authenticated callers)</td></tr>
 * <tr><td>GET /actuator/prometheus, /actuator/metrics[/**]</td><td>metrics (or viewer / anyone, {@code metrics-access})</td></tr>
 * <tr><td>GET /actuator/info</td><td>viewer</td></tr>
 * <tr><td>/actuator/** otherwise</td><td>admin</td></tr>
 * <tr><td>/api/audit/**</td><td>auditor</td></tr>
 * <tr><td>GET /api/maintenance[/**]</td><td>viewer</td></tr>
 * <tr><td>POST, PUT, DELETE /api/maintenance[/**]</td><td>operator</td></tr>
 * <tr><td>GET, HEAD anything else</td><td>viewer</td></tr>
 * <tr><td>anything else</td><td>admin</td></tr>
 * </table>
 */
final class AccessRules {

    /** How {@code /actuator/prometheus} and {@code /actuator/metrics} are reached ({@code sitewatch.security.metrics-access}). */
    enum MetricsAccess {
        /** the {@code metrics} role (a scrape token) or admin */
        ROLE,
        /** any viewer (and so anyone when anonymous viewing is on) */
        VIEWER,
        /** anyone, without credentials: an explicit choice */
        OPEN;

        static MetricsAccess parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new SecurityConfigurationException("sitewatch.security.metrics-access",
                        "must be role, viewer or open, got '" + value + "'");
            }
        }
    }

    /** One row: method (null = any), path patterns, and the role needed (null = anyone). */
    private record Rule(HttpMethod method, List<String> patterns, Role role, List<RequestMatcher> matchers) {

        static Rule of(HttpMethod method, Role role, String... patterns) {
            PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
            List<RequestMatcher> matchers = List.of(patterns).stream()
                    .map(p -> (RequestMatcher) paths.matcher(method, p)).toList();
            return new Rule(method, List.of(patterns), role, matchers);
        }

        boolean matches(HttpServletRequest request) {
            return matchers.stream().anyMatch(m -> m.matches(request));
        }
    }

    private final List<Rule> rules;

    AccessRules(MetricsAccess metrics) {
        Role metricsRole = switch (metrics) {
            case ROLE -> Role.METRICS;
            case VIEWER -> Role.VIEWER;
            case OPEN -> null;
        };
        this.rules = List.of(
                Rule.of(HttpMethod.GET, null, "/", "/index.html", "/status.js", "/status.css", "/favicon.ico"),
                Rule.of(null, null, "/error"),
                Rule.of(HttpMethod.GET, null, "/actuator/health", "/actuator/health/**"),
                Rule.of(HttpMethod.GET, metricsRole, "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**"),
                Rule.of(HttpMethod.GET, Role.VIEWER, "/actuator/info"),
                Rule.of(null, Role.ADMIN, "/actuator", "/actuator/**"),
                Rule.of(null, Role.AUDITOR, "/api/audit", "/api/audit/**"),
                Rule.of(HttpMethod.GET, Role.VIEWER, "/api/maintenance", "/api/maintenance/**"),
                Rule.of(null, Role.OPERATOR, "/api/maintenance", "/api/maintenance/**"),
                Rule.of(HttpMethod.GET, Role.VIEWER, "/**"),
                Rule.of(HttpMethod.HEAD, Role.VIEWER, "/**"),
                Rule.of(null, Role.ADMIN, "/**"));
    }

    /** Applies the table to Spring Security's request authorization, in order. */
    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
        for (Rule rule : rules) {
            var url = registry.requestMatchers(rule.matchers().toArray(RequestMatcher[]::new));
            if (rule.role() == null) {
                url.permitAll();
            } else {
                url.hasRole(rule.role().configName());
            }
        }
    }

    /** The role the first matching rule asks for, as a 403 names it. */
    String requiredRole(HttpServletRequest request) {
        return rules.stream().filter(r -> r.matches(request)).findFirst()
                .map(r -> r.role() == null ? "nothing" : "the role '" + r.role().configName() + "'")
                .orElse("the role 'admin'");
    }
}
