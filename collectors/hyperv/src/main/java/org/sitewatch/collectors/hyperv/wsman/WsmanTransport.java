package org.sitewatch.collectors.hyperv.wsman;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.security.auth.Subject;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.http.AnswerTooLargeException;
import org.sitewatch.collectors.spi.http.BoundedAnswers;
import org.sitewatch.collectors.spi.http.HttpFailures;
import org.sitewatch.collectors.spi.http.HttpRemedies;
import org.sitewatch.collectors.spi.http.ntlm.NtlmMessages;
import org.sitewatch.events.CollectorErrorKind;

/**
 * POSTs WS-Management envelopes to one listener and logs in. Basic sends its header with every
 * request. NTLM authenticates the TCP connection (as WinRM does): the first request runs the
 * NEGOTIATE / CHALLENGE / AUTHENTICATE exchange under the {@code Negotiate} scheme; later requests
 * go without a header and a 401 starts the exchange again (the HTTP client opened a new
 * connection). Kerberos sends a fresh AP-REQ with every request under the {@code Kerberos} scheme
 * (one round trip, the service ticket is reused from the login's subject) and checks the
 * listener's AP-REP when the 200 answer carries one; a 401 makes it log in again once (the
 * listener may have a new key, or the ticket was revoked) before it fails.
 *
 * <p>Every failure is a classified {@link CollectorException}: a SOAP fault (WinRM answers them
 * with HTTP 500) is a {@link WsmanFault}; 401/403 permanent AUTH; other 4xx permanent; 5xx
 * without a fault, connect failures and time-outs retriable; TLS failures permanent; an answer
 * larger than the cap retriable MALFORMED. Messages name the operation, never a header or a body.
 */
final class WsmanTransport {

    private static final String SCHEME = "Negotiate";
    private static final String KERBEROS_SCHEME = "Kerberos";
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final WsmanTarget target;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private boolean connectionAuthenticated;

    WsmanTransport(WsmanTarget target, Clock clock) {
        this.target = target;
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(target.operationTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        if (target.sslContext() != null) {
            builder.sslContext(target.sslContext());
        }
        this.http = builder.build();
    }

    /**
     * Sends one envelope and returns the 200 answer's body.
     *
     * @param operation names the request in messages ("Receive")
     * @param waitAtMost how long the server may take (its OperationTimeout); the HTTP time-out adds a grace
     */
    synchronized byte[] post(String operation, String envelope, Duration waitAtMost) throws CollectorException {
        Duration timeout = waitAtMost.plus(GRACE);
        if (target.auth() instanceof WsmanAuth.Ntlm ntlm) {
            if (connectionAuthenticated) {
                Answer answer = send(operation, envelope, null, timeout);
                if (answer.status() != 401) {
                    return accept(operation, answer);
                }
                connectionAuthenticated = false;
            }
            return accept(operation, ntlmExchange(operation, envelope, ntlm, timeout));
        }
        if (target.auth() instanceof WsmanAuth.Kerberos kerberos) {
            return accept(operation, kerberosExchange(operation, envelope, kerberos, timeout));
        }
        WsmanAuth.Basic basic = (WsmanAuth.Basic) target.auth();
        String credentials = basic.user() + ":" + basic.password();
        return accept(operation, send(operation, envelope,
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)), timeout));
    }

    private Answer ntlmExchange(String operation, String envelope, WsmanAuth.Ntlm ntlm, Duration timeout)
            throws CollectorException {
        Answer offer = send(operation, "", SCHEME + " " + Base64.getEncoder().encodeToString(NtlmMessages.negotiate()),
                timeout);
        if (offer.status() != 401) {
            throw authFailure(operation, "the listener answered HTTP " + offer.status()
                    + " to an NTLM NEGOTIATE instead of a challenge");
        }
        byte[] challengeBytes = token(offer.headers(), SCHEME);
        if (challengeBytes == null) {
            throw authFailure(operation, "the listener sent no NTLM challenge under " + SCHEME + " (it offers: "
                    + String.join(", ", offer.headers().allValues("WWW-Authenticate")) + "); enable Negotiate on the "
                    + "WinRM service (winrm set winrm/config/service/auth @{Negotiate=\"true\"})");
        }
        NtlmMessages.Challenge challenge;
        try {
            challenge = NtlmMessages.readChallenge(challengeBytes);
        } catch (IllegalArgumentException e) {
            throw authFailure(operation, "the listener's NTLM challenge is unreadable: " + e.getMessage());
        }
        byte[] clientChallenge = new byte[8];
        random.nextBytes(clientChallenge);
        byte[] authenticate = NtlmMessages.authenticate(challenge, ntlm.domain(), ntlm.user(), ntlm.password(),
                ntlm.workstation(), clientChallenge, clock.instant());
        Answer answer = send(operation, envelope, SCHEME + " " + Base64.getEncoder().encodeToString(authenticate),
                timeout);
        if (answer.status() == 401) {
            throw authFailure(operation, "the listener rejected the NTLM login of " + ntlm.domain() + "\\" + ntlm.user());
        }
        connectionAuthenticated = true;
        return answer;
    }

    /**
     * A login to the listener with a Kerberos service ticket; a refused ticket makes the login
     * start over once with a new TGT and service ticket.
     */
    private Answer kerberosExchange(String operation, String envelope, WsmanAuth.Kerberos kerberos, Duration timeout)
            throws CollectorException {
        String block = target.settingsBlock();
        KerberosService service = kerberos.service(target.url());
        for (int attempt = 1; ; attempt++) {
            Subject subject = kerberos.login().subject(block);
            try (KerberosContext context = KerberosContext.start(subject, service, kerberos, block)) {
                Answer answer = send(operation, envelope,
                        KERBEROS_SCHEME + " " + Base64.getEncoder().encodeToString(context.token()), timeout);
                if (answer.status() == 401) {
                    List<String> offers = answer.headers().allValues("WWW-Authenticate");
                    boolean offersKerberos = offers.stream().anyMatch(o -> o.trim().regionMatches(true, 0,
                            KERBEROS_SCHEME, 0, KERBEROS_SCHEME.length()));
                    kerberos.login().forget(subject);
                    if (attempt == 1 && offersKerberos) {
                        continue;
                    }
                    throw CollectorException.permanent(CollectorErrorKind.AUTH, "WinRM " + operation + ": the listener "
                            + "refused the Kerberos ticket of " + kerberos.principal() + " for " + service.spn()
                            + (offersKerberos ? ", also after a new login" : " (it offers: " + String.join(", ", offers)
                            + ")"), "Check that " + service.spn() + " is the service principal of the host the url "
                            + "names, that Kerberos is enabled on the WinRM service (winrm set "
                            + "winrm/config/service/auth @{Kerberos=\"true\"}) and that " + kerberos.principal()
                            + " may use WinRM there", null);
                }
                byte[] reply = token(answer.headers(), KERBEROS_SCHEME);
                if (answer.status() == 200 && reply != null) {
                    context.complete(reply, "WinRM " + operation); // an unreadable token fails the check too
                }
                return answer;
            }
        }
    }

    /** The token the listener sent under {@code scheme}; empty when unreadable, null when it sent none. */
    private static byte[] token(HttpHeaders headers, String scheme) {
        List<String> offers = headers.allValues("WWW-Authenticate");
        for (String offer : offers) {
            String trimmed = offer.trim();
            if (trimmed.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
                try {
                    return Base64.getDecoder().decode(trimmed.substring(scheme.length() + 1).trim());
                } catch (IllegalArgumentException e) {
                    return new byte[0];
                }
            }
        }
        return null;
    }

    private record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    private Answer send(String operation, String envelope, String authorization, Duration timeout)
            throws CollectorException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url())
                .timeout(timeout)
                .header("Content-Type", "application/soap+xml;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = BoundedAnswers.send(http, request.build(), target.maxEnvelopeBytes(),
                    target.settingsBlock() + ".max-envelope-bytes", timeout);
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (AnswerTooLargeException e) {
            throw HttpFailures.tooLarge("WinRM " + operation, e);
        } catch (IOException e) {
            throw ioFailure(operation, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CollectorException.retriable(CollectorErrorKind.TIMEOUT, "WinRM " + operation + ": interrupted", e);
        }
    }

    private byte[] accept(String operation, Answer answer) throws CollectorException {
        int status = answer.status();
        if (status == 200) {
            return answer.body();
        }
        WsmanFault fault = WsmanResponses.fault(operation, answer.body());
        if (fault != null) {
            throw fault;
        }
        if (status == 401 || status == 403) {
            throw authFailure(operation, "the listener answered HTTP " + status + " to "
                    + (target.auth() instanceof WsmanAuth.Basic basic ? "Basic login " + basic.user() : "the login"));
        }
        if (status == 429) {
            // WinRM itself does not throttle, but a proxy in front of the listener may.
            throw CollectorException.throttled("WinRM " + operation + ": HTTP 429", new HttpFailures(
                    HttpRemedies.generic(target.settingsBlock(), "ca-file"), clock)
                    .retryAfter(answer.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status >= 500) {
            throw CollectorException.retriable(CollectorErrorKind.HTTP_5XX, "WinRM " + operation + ": HTTP " + status,
                    null);
        }
        throw CollectorException.permanent(CollectorErrorKind.HTTP_4XX, "WinRM " + operation + ": HTTP " + status
                + " from " + target.url(), "Check " + target.settingsBlock() + ".url: it must be the host's WinRM "
                + "listener, e.g. https://hv-a1.corp.example:5986/wsman", null);
    }

    private CollectorException authFailure(String operation, String problem) {
        return CollectorException.permanent(CollectorErrorKind.AUTH, "WinRM " + operation + ": " + problem,
                "Check " + target.settingsBlock() + "'s user, domain and password, and that the account may use "
                + "WinRM on the host", null);
    }

    private CollectorException ioFailure(String operation, IOException e) {
        String what = "WinRM " + operation + " to " + target.url().getHost() + ":" + port();
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return CollectorException.retriable(CollectorErrorKind.CONNECT, what + ": cannot connect (" + e.getMessage()
                    + ")", e);
        }
        if (e instanceof HttpTimeoutException) {
            return CollectorException.retriable(CollectorErrorKind.TIMEOUT, what + ": no answer in time", e);
        }
        if (e instanceof SSLException) {
            return CollectorException.permanent(CollectorErrorKind.TLS, what + ": TLS failed (" + e.getMessage() + ")",
                    "Trust the listener's certificate: set " + target.settingsBlock() + ".ca-file to its CA", e);
        }
        return CollectorException.retriable(CollectorErrorKind.CONNECT, what + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }

    private int port() {
        int port = target.url().getPort();
        return port > 0 ? port : "https".equals(target.url().getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }
}
