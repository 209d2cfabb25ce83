package org.sitewatch.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as the rest of the API answers errors: RFC 9457 problem JSON ({@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}). A 401 carries a {@code WWW-Authenticate} challenge
 * for each way in that is configured (Bearer always, Basic when there are users or tokens, so a browser
 * on the status page asks for a login: a user and password, or a token's name and the token). The detail never repeats a credential.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String realm;
    private final boolean basic;
    private final AccessRules rules;

    ProblemResponses(String realm, boolean basic, AccessRules rules) {
        this.realm = realm;
        this.basic = basic;
        this.rules = rules;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean badToken = e instanceof InvalidBearerTokenException || e.getCause() instanceof InvalidBearerTokenException
                || request.getHeader("Authorization") != null;
        String bearer = "Bearer realm=\"" + realm + "\"" + (badToken ? ", error=\"invalid_token\"" : "");
        response.addHeader("WWW-Authenticate", bearer);
        if (basic) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        }
        String detail = badToken
                ? "the credentials given were not accepted (unknown or expired token, or wrong user or password)"
                : "this needs credentials: a bearer token" + (basic ? ", or HTTP basic with a user and password "
                        + "(or a token's name and the token)" : "");
        if (badToken) {
            log.info("refused credentials for {} {} from {}: {}", request.getMethod(), request.getRequestURI(),
                    request.getRemoteAddr(), e.getClass().getSimpleName());
        }
        write(response, 401, "Unauthorized", detail, request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String who = auth == null ? "this caller" : "'" + auth.getName() + "'";
        log.info("denied {} {} to {} (roles {})", request.getMethod(), request.getRequestURI(), who,
                auth == null ? "none" : auth.getAuthorities());
        write(response, 403, "Forbidden", who + " may not " + request.getMethod() + " " + request.getRequestURI()
                + ": " + rules.requiredRole(request) + " is needed", request);
    }

    private static void write(HttpServletResponse response, int status, String title, String detail,
                              HttpServletRequest request) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
