package org.sitewatch.collectors.azure;

import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryStrategy;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.sitewatch.collectors.spi.http.AnswerTooLargeException;

/**
 * The SDK's exponential back-off (which waits as long as a 429's {@code Retry-After} asks), except
 * that a throttled answer asking for a longer wait than {@code longestWait} is not retried: the poll
 * has a deadline, and the collector then reports the vault as throttled instead of sleeping past it.
 * A TLS failure (an untrusted certificate) or an answer over the size cap is not retried either:
 * neither heals by waiting.
 */
final class ArmRetryStrategy implements RetryStrategy {

    private final ExponentialBackoff backoff;
    private final Duration longestWait;

    ArmRetryStrategy(int maxRetries, Duration baseDelay, Duration longestWait) {
        this.backoff = new ExponentialBackoff(maxRetries, baseDelay, longestWait);
        this.longestWait = longestWait;
    }

    @Override
    public int getMaxRetries() {
        return backoff.getMaxRetries();
    }

    @Override
    public Duration calculateRetryDelay(int retryAttempts) {
        return backoff.calculateRetryDelay(retryAttempts);
    }

    @Override
    public boolean shouldRetryCondition(RequestRetryCondition condition) {
        for (Throwable t = condition.getThrowable(); t != null; t = t.getCause()) {
            if (t instanceof SSLException || t instanceof AnswerTooLargeException) {
                return false;
            }
        }
        HttpResponse response = condition.getResponse();
        if (response != null && response.getStatusCode() == HTTP_STATUS_TOO_MANY_REQUESTS) {
            Duration asked = RetryAfter.of(response);
            if (asked != null && asked.compareTo(longestWait) > 0) {
                return false;
            }
        }
        return backoff.shouldRetryCondition(condition);
    }
}
