package org.sitewatch.simulator.vsphere;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.sitewatch.simulator.front.FrontExchange;

/** The registered {@link VsphereRestApi}s, asked in turn; a call none takes answers 404 NOT_FOUND. */
final class VsphereRestApis {

    private final List<VsphereRestApi> apis = new ArrayList<>();

    VsphereRestApis() {
        ServiceLoader.load(VsphereRestApi.class, VsphereRestApi.class.getClassLoader()).forEach(apis::add);
    }

    void serve(FrontExchange fx, List<String> path) throws IOException {
        for (VsphereRestApi api : apis) {
            if (api.serve(fx, path)) {
                return;
            }
        }
        RestErrors.send(fx.http(), 404, "NOT_FOUND", "No API at " + fx.http().getRequestMethod() + " /api/rest/"
                + String.join("/", path));
    }
}
