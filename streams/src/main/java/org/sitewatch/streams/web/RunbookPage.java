package org.sitewatch.streams.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The runbooks ({@code docs/runbooks.md}, packaged in the jar at {@value #RESOURCE}) as one HTML page.
 * Every heading gets the anchor GitHub gives it (lower case, spaces to dashes, punctuation dropped), so
 * an alert's {@code runbook_url} ({@code ...#<alertname in lower case>}) lands on its section here as it
 * does on GitHub. Rendered once, on first use. Relative links of the docs file (to other docs) are
 * left as they are: they only resolve where the other docs are served, such as GitHub.
 */
public final class RunbookPage {

    /** Where the build puts {@code docs/runbooks.md} (see the streams module's POM). */
    public static final String RESOURCE = "/sitewatch/docs/runbooks.md";

    private volatile String html;

    public String html() {
        String page = html;
        if (page == null) {
            page = render(read());
            html = page;
        }
        return page;
    }

    static String render(String markdown) {
        List<Extension> extensions = List.of(HeadingAnchorExtension.create());
        String body = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build()
                .render(Parser.builder().extensions(extensions).build().parse(markdown));
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Sitewatch runbooks</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
                code { background: #f3f3f3; padding: 0 .2em; }
                h2 { border-top: 1px solid #ddd; padding-top: 1rem; }
                :target { background: #fff6d5; }
                </style>
                </head>
                <body>
                """ + body + "</body>\n</html>\n";
    }

    private static String read() {
        try (InputStream in = RunbookPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: the streams jar was built "
                        + "without docs/runbooks.md");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
