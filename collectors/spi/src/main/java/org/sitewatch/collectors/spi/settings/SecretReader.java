package org.sitewatch.collectors.spi.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Resolves a {@link Secret} from the one form the configuration used: {@code <key>-env},
 * {@code <key>-file} or {@code <key>} inline. Failures are {@link IllegalArgumentException}s that
 * name the variable or file but never a value.
 */
final class SecretReader {

    private final Function<String, String> environment;

    SecretReader(Function<String, String> environment) {
        this.environment = environment;
    }

    Secret fromEnvironment(String variable) {
        String name = variable.trim();
        String value = environment.apply(name);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + name + " is not set");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + name + " is empty");
        }
        return Secret.fromEnvironment(value.strip(), name);
    }

    Secret fromFile(String pathText) {
        Path path = Path.of(pathText.trim());
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("file " + path + " does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a directory, not a file");
        }
        String content;
        try {
            content = Files.readString(path, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("file " + path + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException("file " + path + " cannot be read: " + e.getClass().getSimpleName());
        }
        // Editors and `echo` end a token file with a line break that is not part of the token.
        String value = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        if (value.isBlank()) {
            throw new IllegalArgumentException("file " + path + " is empty");
        }
        return Secret.fromFile(value, path.toString());
    }

    static Secret inline(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        return Secret.inline(value.strip());
    }
}
