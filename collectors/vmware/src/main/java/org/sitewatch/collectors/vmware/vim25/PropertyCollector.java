package org.sitewatch.collectors.vmware.vim25;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sitewatch.collectors.spi.CollectorException;

/**
 * The inventory calls on the session's PropertyCollector and ViewManager: a container view over
 * the inventory, a paged first read of it ({@code RetrievePropertiesEx} and
 * {@code ContinueRetrievePropertiesEx}), and changes since a version through a property filter
 * and {@code WaitForUpdatesEx}. One read or wait covers every object of the view: never one call
 * per object.
 *
 * <p>Limits: uses the session's default PropertyCollector, so every filter created here is
 * reported by {@link #waitForUpdates}; views and filters end with the session (see
 * {@link Vim25Client#logins()}).
 */
public final class PropertyCollector {

    /** The traversal from a container view to the objects it shows. */
    private static final String VIEW_TRAVERSAL = "traverseView";

    private final Vim25Client client;

    public PropertyCollector(Vim25Client client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** A view of every object of {@code types} below {@code container} (the root folder for all of vCenter). */
    public MoRef createContainerView(MoRef container, List<String> types, boolean recursive) throws CollectorException {
        SoapRequest request = SoapRequest.call("CreateContainerView", client.serviceContent().viewManager())
                .moRef("container", container)
                .texts("type", types)
                .text("recursive", recursive);
        return client.invoke(request, r -> Objects.requireNonNull(r.moRef("returnval"), "view"));
    }

    public void destroyView(MoRef view) throws CollectorException {
        client.invoke(SoapRequest.call("DestroyView", view));
    }

    /** The first page (at most {@code maxObjects} objects, a hint to vCenter) of the view's objects. */
    public RetrieveResult retrieve(MoRef view, List<PropertySpec> specs, int maxObjects) throws CollectorException {
        SoapRequest request = SoapRequest.call("RetrievePropertiesEx", collector());
        filterSpec(request, "specSet", view, true, specs);
        request.start("options").text("maxObjects", maxObjects).end();
        return client.invoke(request, r -> RetrieveResult.from(r.object("returnval")));
    }

    /** The next page after {@code token}. */
    public RetrieveResult continueRetrieve(String token) throws CollectorException {
        SoapRequest request = SoapRequest.call("ContinueRetrievePropertiesEx", collector()).text("token", token);
        return client.invoke(request, r -> RetrieveResult.from(r.object("returnval")));
    }

    /** The given properties of one object (a task's {@code info.state}); unset properties are absent. */
    public ObjectContent retrieveObject(MoRef obj, List<String> paths) throws CollectorException {
        SoapRequest request = SoapRequest.call("RetrievePropertiesEx", collector());
        filterSpec(request, "specSet", obj, false, List.of(new PropertySpec(obj.type(), paths)));
        request.start("options").end();
        RetrieveResult result = client.invoke(request, r -> RetrieveResult.from(r.object("returnval")));
        return result.objects().isEmpty() ? new ObjectContent(obj, Map.of(), Map.of())
                : result.objects().get(0);
    }

    /** A filter whose changes {@link #waitForUpdates} reports, over the view's objects. */
    public MoRef createFilter(MoRef view, List<PropertySpec> specs) throws CollectorException {
        SoapRequest request = SoapRequest.call("CreateFilter", collector());
        filterSpec(request, "spec", view, true, specs);
        request.text("partialUpdates", false);
        return client.invoke(request, r -> Objects.requireNonNull(r.moRef("returnval"), "filter"));
    }

    public void destroyFilter(MoRef filter) throws CollectorException {
        client.invoke(SoapRequest.call("DestroyPropertyFilter", filter));
    }

    /**
     * The changes since {@code version} ({@code ""} or null for the full state of every filter),
     * waiting up to {@code maxWait} (0: do not wait) for one; empty when nothing changed in that
     * time.
     */
    public Optional<UpdateSet> waitForUpdates(String version, Duration maxWait) throws CollectorException {
        SoapRequest request = SoapRequest.call("WaitForUpdatesEx", collector())
                .text("version", version == null ? "" : version)
                .start("options").text("maxWaitSeconds", maxWait.toSeconds()).end()
                .serverWait(maxWait);
        return client.invoke(request, r -> Optional.ofNullable(r.object("returnval")).map(UpdateSet::from));
    }

    private MoRef collector() throws CollectorException {
        return client.serviceContent().propertyCollector();
    }

    /**
     * A PropertyFilterSpec: the properties of each type, read from {@code obj} itself or, for a
     * container view, from the objects the view shows (the view skipped, its {@code view} property
     * traversed).
     */
    private static void filterSpec(SoapRequest request, String element, MoRef obj, boolean throughView,
                                   List<PropertySpec> specs) {
        request.start(element);
        for (PropertySpec spec : specs) {
            request.start("propSet").text("type", spec.type()).text("all", false).texts("pathSet", spec.paths()).end();
        }
        request.start("objectSet").moRef("obj", obj).text("skip", throughView);
        if (throughView) {
            request.start("selectSet", "TraversalSpec")
                    .text("name", VIEW_TRAVERSAL).text("type", "ContainerView").text("path", "view").text("skip", false)
                    .end();
        }
        request.end().end();
    }
}
