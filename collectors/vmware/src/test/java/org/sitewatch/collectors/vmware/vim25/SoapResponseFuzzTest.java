package org.sitewatch.collectors.vmware.vim25;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.TextMutations;

/**
 * Fault suite 7 for vSphere's SOAP answers: every recorded answer of the fixtures (service content,
 * login, property retrieval and updates, event pages, faults) mutated as text (truncated, values
 * replaced by odd ones, slices deleted or repeated, deep nesting) and read by
 * {@link SoapResponseReader}. Each ends in a data object, a {@link VimFault} or an
 * {@link XMLStreamException} (which {@link SoapTransport} reports as MALFORMED); the decoders after
 * it turn any RuntimeException into MALFORMED themselves ({@code Vim25Client.decode}).
 */
class SoapResponseFuzzTest {

    private static final List<String> ANSWERS = List.of("service-content.xml", "login.xml",
            "retrieve-properties-ex.xml", "wait-for-updates-ex.xml", "wait-for-updates-ex-nothing.xml",
            "read-next-events.xml", "read-next-events-one.xml", "fault-invalid-argument.xml", "fault-invalid-login.xml",
            "fault-no-permission.xml", "fault-not-authenticated.xml", "fault-without-detail.xml");
    private static final List<String> TEXTS = ANSWERS.stream()
            .map(name -> new String(Fixtures.bytes(name), StandardCharsets.UTF_8)).toList();

    /** An answer and the edits made to it. */
    record Answer(int fixture, List<TextMutations.Edit> edits) {
        String text() {
            return TextMutations.apply(TEXTS.get(fixture), edits);
        }

        @Override
        public String toString() {
            String text = text();
            return ANSWERS.get(fixture) + " after " + edits + ":\n"
                    + (text.length() <= 3000 ? text : text.substring(0, 3000) + "... (" + text.length() + " chars)");
        }
    }

    @Property(tries = 10_000)
    void everyAnswerIsReadOrRefusedAsAFaultOrNoEnvelope(@ForAll("answers") Answer answer) {
        byte[] body = answer.text().getBytes(StandardCharsets.UTF_8);
        FuzzGuard.expectResultOr(answer, () -> SoapResponseReader.read("Fuzz", body), VimFault.class,
                XMLStreamException.class);
    }

    @Provide
    Arbitrary<Answer> answers() {
        return Combinators.combine(Arbitraries.integers().between(0, ANSWERS.size() - 1), TextMutations.edits())
                .as(Answer::new);
    }
}
