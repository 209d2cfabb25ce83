package org.sitewatch.streams.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sitewatch.core.alerts.AlertRule;

/** The packaged docs/runbooks.md, rendered: a section for every rule, at the anchor its runbook_url names. */
class RunbookPageTest {

    private final String html = new RunbookPage().html();

    @ParameterizedTest
    @EnumSource(AlertRule.class)
    void shouldHaveASectionAtEveryRulesAnchor(AlertRule rule) {
        assertThat(html).contains("<h2 id=\"" + rule.runbookAnchor() + "\">" + rule.name() + "</h2>");
    }

    @Test
    void shouldRenderTheSelfAlertsSectionsWithGithubAnchorsAndEscapeNothingUnsafe() {
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<h2 id=\"sitewatchappdown\">SitewatchAppDown</h2>")
                .contains("<h1 id=\"domain-alerts-streams-app\">")
                .contains("<code>")
                .doesNotContain("<script");
    }

    @Test
    void shouldEscapeHtmlWrittenInTheMarkdown() {
        assertThat(RunbookPage.render("## A\nx <script>alert(1)</script>")).doesNotContain("<script>")
                .contains("&lt;script&gt;");
    }
}
