package org.sitewatch.collectors.hyperv.wsman;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a script wrote and how it ended.
 *
 * @param stdout standard output, decoded as UTF-8 (the shell runs with code page 65001)
 * @param stderr standard error as sent; PowerShell writes it as CLIXML ({@code #< CLIXML}), see {@link #errorText()}
 * @param exitCode the process's exit code; null when the service did not report one
 * @param receives how many Receive requests it took (a time-out of the service's wait counts too)
 */
public record ScriptResult(String stdout, String stderr, Integer exitCode, int receives) {

    private static final Pattern CLIXML_ERROR = Pattern.compile("<S S=\"Error\">(.*?)</S>", Pattern.DOTALL);
    private static final Pattern CLIXML_ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /**
     * The error records of stderr as plain text, one line each: a non-interactive PowerShell sends
     * its error stream as CLIXML, whose {@code <S S="Error">} elements hold the text with
     * {@code _xHHHH_} escapes for control characters. Other CLIXML (progress records) is dropped;
     * stderr that is not CLIXML is returned trimmed.
     */
    public String errorText() {
        String text = stderr == null ? "" : stderr.strip();
        if (!text.startsWith("#< CLIXML")) {
            return text;
        }
        List<String> lines = new ArrayList<>();
        Matcher m = CLIXML_ERROR.matcher(text);
        while (m.find()) {
            String line = unescapeXml(unescapeClixml(m.group(1))).strip();
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return String.join("\n", lines);
    }

    public boolean succeeded() {
        return exitCode != null && exitCode == 0;
    }

    private static String unescapeClixml(String text) {
        Matcher m = CLIXML_ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            char c = (char) Integer.parseInt(m.group(1), 16);
            m.appendReplacement(out, c == '\r' || c == '\n' ? " " : Matcher.quoteReplacement(String.valueOf(c)));
        }
        m.appendTail(out);
        return out.toString().replaceAll(" {2,}", " ");
    }

    private static String unescapeXml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
