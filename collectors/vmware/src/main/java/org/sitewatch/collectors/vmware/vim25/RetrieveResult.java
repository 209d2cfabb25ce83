package org.sitewatch.collectors.vmware.vim25;

import java.util.List;

/**
 * One page of a property read: its objects and, when more remain, the {@code token} to pass to
 * {@link PropertyCollector#continueRetrieve}; null on the last page.
 */
public record RetrieveResult(String token, List<ObjectContent> objects) {

    public RetrieveResult {
        objects = List.copyOf(objects);
    }

    /** An absent {@code returnval} means nothing matched. */
    static RetrieveResult from(DataObject result) {
        if (result == null) {
            return new RetrieveResult(null, List.of());
        }
        return new RetrieveResult(result.string("token"),
                result.objects("objects").stream().map(ObjectContent::from).toList());
    }
}
