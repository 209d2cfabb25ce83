package org.sitewatch.collectors.vmware;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.sitewatch.collectors.vmware.vim25.UpdateSet;
import org.sitewatch.collectors.vmware.vim25.VimFault;
import org.sitewatch.collectors.vmware.vim25.Vim25Answers;
import org.sitewatch.testsupport.fuzz.FuzzGuard;
import org.sitewatch.testsupport.fuzz.TextMutations;

/**
 * Fault suite 7 for vSphere's inventory: the recorded WaitForUpdatesEx answer mutated as text, decoded
 * as PropertyCollector decodes it, applied to the {@link InventoryMirror} after the valid answer and
 * mapped by {@link InventoryMapper} (VMs, hosts, clusters). Reading ends in an update set or a
 * MALFORMED answer (fault, no envelope, or a decoder's RuntimeException, which Vim25Client.decode
 * classifies); mapping what was applied always ends in a snapshot.
 */
class InventoryFuzzTest {

    private static final String SEED = new String(Vim25Answers.fixture("wait-for-updates-ex.xml"), StandardCharsets.UTF_8);

    @Property(tries = 10_000)
    void everyUpdateIsMappedOrAMalformedAnswer(@ForAll("edits") List<TextMutations.Edit> edits) {
        String answer = TextMutations.apply(SEED, edits);
        FuzzGuard.expectResultOr(edits + ":\n" + answer, () -> {
            InventoryMirror mirror = new InventoryMirror();
            mirror.apply(Vim25Answers.updateSet(SEED.getBytes(StandardCharsets.UTF_8)));
            UpdateSet updates;
            try {
                updates = Vim25Answers.updateSet(answer.getBytes(StandardCharsets.UTF_8));
            } catch (VimFault | XMLStreamException | RuntimeException malformed) {
                return malformed; // the transport's or the decoder's MALFORMED: the mirror is not touched
            }
            mirror.apply(updates);
            return new InventoryMapper("paris-dc1", new InventoryReader(mirror)).snapshot(Instant.parse("2025-01-07T10:00:00Z"));
        });
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<TextMutations.Edit>> edits() {
        return TextMutations.edits();
    }
}
