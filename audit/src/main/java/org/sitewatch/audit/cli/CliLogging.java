package org.sitewatch.audit.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends logging to stderr, warnings and above, for the audit commands: their stdout carries the
 * export itself and must not be mixed with log lines. Kafka's client warnings about an unreachable
 * broker are silenced too; the commands report that themselves, once and clearly.
 */
final class CliLogging {

    private CliLogging() {
    }

    static void toStderr() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        root.addAppender(stderr);
        root.setLevel(Level.WARN);
        context.getLogger("org.apache.kafka").setLevel(Level.ERROR);
    }
}
