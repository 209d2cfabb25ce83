package org.sitewatch.bench.kafka;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Exit;

/**
 * Runs one of Kafka's command-line tools ({@code ProducerPerformance}, {@code ConsumerPerformance})
 * in this JVM, as {@code kafka-*-perf-test.sh} would run it, with its standard output captured line
 * by line: the tools print their figures there. Their {@code Exit.exit} calls become exceptions so a
 * failing tool cannot end the harness. One tool at a time: standard output is process-wide.
 */
final class KafkaTool {

    /** A tool's {@code main}. */
    interface Main {
        void run(String[] args) throws Exception;
    }

    /** The tool called {@code Exit.exit}: it failed (its reason is in its output). */
    static final class ToolExited extends RuntimeException {
        ToolExited(String tool, int code, String message) {
            super(tool + " exited with code " + code + (message == null ? "" : ": " + message));
        }
    }

    private KafkaTool() {
    }

    /**
     * @param echo each output line as it is printed, e.g. to show the tool's progress
     * @return every line the tool printed
     * @throws TimeoutException when the tool is still running after {@code limit} (it is left to finish on its own)
     */
    static synchronized List<String> run(String tool, Main main, String[] args, Consumer<String> echo, Duration limit)
            throws Exception {
        List<String> lines = new ArrayList<>();
        PrintStream saved = System.out;
        LineSplitter splitter = new LineSplitter(line -> {
            synchronized (lines) {
                lines.add(line);
            }
            echo.accept(line);
        });
        PrintStream capture = new PrintStream(splitter, true, StandardCharsets.UTF_8);
        Exit.setExitProcedure((code, message) -> {
            throw new ToolExited(tool, code, message);
        });
        System.setOut(capture);
        FutureTask<Void> task = new FutureTask<>(() -> {
            main.run(args);
            return null;
        });
        Thread thread = new Thread(task, tool);
        thread.setDaemon(true);
        thread.start();
        try {
            task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new TimeoutException(tool + " did not finish within " + limit);
        } finally {
            capture.flush();
            splitter.endPartialLine();
            System.setOut(saved);
            Exit.resetExitProcedure();
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Hands on each complete line written to it. */
    private static final class LineSplitter extends OutputStream {
        private final Consumer<String> onLine;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSplitter(Consumer<String> onLine) {
            this.onLine = onLine;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                onLine.accept(line.toString(StandardCharsets.UTF_8).stripTrailing());
                line.reset();
            } else {
                line.write(b);
            }
        }

        /** A last line without its newline; not on flush(): PrintStream flushes in mid-line. */
        synchronized void endPartialLine() {
            if (line.size() > 0) {
                write('\n');
            }
        }
    }
}
