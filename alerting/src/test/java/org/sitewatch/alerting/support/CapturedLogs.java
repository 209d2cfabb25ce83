package org.sitewatch.alerting.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A logback appender (declared in logback-test.xml for the dispatcher's loggers) that keeps their
 * messages in memory, so an IT can check what an in-process app logged; it survives Spring Boot
 * re-initialising logging for each app a test starts.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> {

    private static final int MAX = 10_000;
    private static final List<String> MESSAGES = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        if (MESSAGES.size() < MAX) {
            MESSAGES.add(event.getLoggerName() + " " + event.getFormattedMessage());
        }
    }

    public static List<String> containing(String text) {
        return MESSAGES.stream().filter(m -> m.contains(text)).toList();
    }

    public static void clear() {
        MESSAGES.clear();
    }
}
