package org.sitewatch.collectors.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.http.AnswerTooLargeException;
import org.sitewatch.collectors.spi.http.HttpFailures;
import org.sitewatch.events.CollectorErrorKind;

/**
 * Classifies what reading ARM threw into the platform's failure kinds, with remedies naming the
 * endpoint's keys (never a secret's value): credentials refused by the token endpoint or by ARM are
 * a permanent AUTH failure, a missing role is AUTH too, throttling keeps ARM's {@code Retry-After},
 * transport problems are retriable.
 */
final class ArmFailures {

    private final String block;

    /** @param block the endpoint's settings key, e.g. {@code sitewatch.collectors.endpoints[az].azure} */
    ArmFailures(String block) {
        this.block = block;
    }

    /**
     * Whether the failure is the credentials being refused (by the token endpoint, or ARM's 401):
     * nothing of the endpoint can be read then. A 403 is not: a role may be missing on one vault only.
     */
    static boolean rejectsCredentials(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClientAuthenticationException || refusedByTokenEndpoint(t)
                    || t instanceof ArmCallException arm && arm.status() == 401) {
                return true;
            }
        }
        return false;
    }

    CollectorException classify(String what, RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClientAuthenticationException || refusedByTokenEndpoint(t)) {
                return CollectorException.permanent(CollectorErrorKind.AUTH,
                        what + ": the token endpoint refused the service principal: " + firstLine(t.getMessage()),
                        credentialsRemedy(), null);
            }
            if (tokenStatus(t) == 429) {
                // MSAL keeps no headers: the token endpoint's Retry-After is lost, the usual back-off applies.
                return CollectorException.throttled(what + ": the token endpoint answered HTTP 429", null);
            }
            if (tokenStatus(t) >= 500) {
                return CollectorException.retriable(CollectorErrorKind.HTTP_5XX, what + ": the token endpoint answered HTTP "
                        + tokenStatus(t) + ": " + firstLine(t.getMessage()), null);
            }
            if (t instanceof MsalClientException && t.getMessage() != null && t.getMessage().contains("JSON")) {
                return CollectorException.retriable(CollectorErrorKind.MALFORMED,
                        what + ": the token endpoint's answer could not be read: " + firstLine(t.getMessage()), null);
            }
            if (t instanceof ArmCallException arm) {
                return classify(what, arm);
            }
            if (t instanceof SSLException) {
                return CollectorException.permanent(CollectorErrorKind.TLS, what + ": TLS failed: " + t.getMessage(),
                        "Set " + block + ".ca-file to the PEM of the CA that signed the certificate of "
                                + block + ".resource-manager-endpoint and .authority-host", null);
            }
            if (t instanceof AnswerTooLargeException tooLarge) {
                return HttpFailures.tooLarge(what, tooLarge);
            }
            if (t instanceof HttpTimeoutException || t instanceof InterruptedIOException) {
                return CollectorException.retriable(CollectorErrorKind.TIMEOUT, what + ": timed out", null);
            }
            if (t instanceof ConnectException) {
                return CollectorException.retriable(CollectorErrorKind.CONNECT,
                        what + ": cannot connect: " + t.getMessage(), null);
            }
            if (t instanceof IOException) {
                return CollectorException.retriable(CollectorErrorKind.CONNECT, what + ": " + t, null);
            }
        }
        return CollectorException.retriable(CollectorErrorKind.INTERNAL, what + ": " + failure, null);
    }

    private CollectorException classify(String what, ArmCallException arm) {
        String message = what + ": " + arm.getMessage();
        int status = arm.status();
        if (status == 401) {
            return CollectorException.permanent(CollectorErrorKind.AUTH, message, credentialsRemedy(), null);
        }
        if (status == 403) {
            return CollectorException.permanent(CollectorErrorKind.AUTH, message,
                    "Give the service principal " + block + ".client-id the Reader role (or Site Recovery Reader) on "
                            + "subscription " + block + ".subscription-id", null);
        }
        if (status == 429) {
            return CollectorException.throttled(message, arm.retryAfter());
        }
        if (status >= 500) {
            return CollectorException.retriable(CollectorErrorKind.HTTP_5XX, message, null);
        }
        if (status < 400) {
            return CollectorException.retriable(CollectorErrorKind.MALFORMED, message, null);
        }
        return CollectorException.permanent(CollectorErrorKind.HTTP_4XX, message,
                "Check " + block + ".subscription-id, .vaults and .resource-manager-endpoint", null);
    }

    /**
     * The token endpoint answered 4xx (MSAL's error, e.g. {@code invalid_client}, an unknown tenant):
     * a 5xx there heals by itself, a 4xx needs the settings fixed.
     */
    private static boolean refusedByTokenEndpoint(Throwable t) {
        int status = tokenStatus(t);
        return status >= 400 && status < 500 && status != 429;
    }

    private static final java.util.regex.Pattern MSAL_STATUS = java.util.regex.Pattern.compile("status code: (\\d{3})");

    /**
     * The HTTP status of a token endpoint's refusal, or -1. MSAL sets it only when the answer was an
     * OAuth error it could read; otherwise ("Unknown service exception") it is only in the message.
     */
    private static int tokenStatus(Throwable t) {
        if (!(t instanceof MsalServiceException msal)) {
            return -1;
        }
        if (msal.statusCode() != null) {
            return msal.statusCode();
        }
        java.util.regex.Matcher m = MSAL_STATUS.matcher(String.valueOf(msal.getMessage()));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private String credentialsRemedy() {
        return "Check " + block + ".tenant-id, " + block + ".client-id and " + block
                + ".client-secret (or -env / -file): the service principal must exist in the tenant and its "
                + "secret must be current";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
