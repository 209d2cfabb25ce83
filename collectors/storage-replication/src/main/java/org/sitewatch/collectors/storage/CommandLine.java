package org.sitewatch.collectors.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * Splitting a configured command string into words, and quoting words for a POSIX shell. No
 * expansion of any kind: {@code $}, {@code *}, {@code ~} and {@code ;} are ordinary characters.
 */
final class CommandLine {

    private CommandLine() {
    }

    /**
     * Words separated by spaces or tabs; {@code '...'} keeps everything inside as it is,
     * {@code "..."} too except that {@code \"} and {@code \\} stand for {@code "} and {@code \}.
     *
     * @throws IllegalArgumentException on an unclosed quote or a line break
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException("must be one line; use a list of words or shell: true");
            }
            if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\'' || c == '"') {
                int close = closingQuote(line, i);
                for (int j = i + 1; j < close; j++) {
                    char q = line.charAt(j);
                    if (c == '"' && q == '\\' && j + 1 < close && (line.charAt(j + 1) == '"' || line.charAt(j + 1) == '\\')) {
                        q = line.charAt(++j);
                    }
                    word.append(q);
                }
                i = close;
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int closingQuote(String line, int open) {
        char quote = line.charAt(open);
        for (int j = open + 1; j < line.length(); j++) {
            char c = line.charAt(j);
            if (quote == '"' && c == '\\') {
                j++;
            } else if (c == quote) {
                return j;
            }
        }
        throw new IllegalArgumentException("has an unclosed " + quote + " quote: " + line);
    }

    /** The words as one POSIX shell command line that gives each word back unchanged. */
    static String quoteForShell(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(w.matches("[A-Za-z0-9_./:=@%+,-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return out.toString();
    }
}
