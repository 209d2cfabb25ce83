package org.sitewatch.collectors.oraclevm;

/**
 * An Oracle VM ID object, the shape of every id and reference in the API:
 * {@code {"type": "com.oracle.ovm.mgr.ws.model.Server", "value": "<id>", "uri": ".../Server/<id>", "name": "ovs01"}}.
 *
 * @param type the model class, e.g. {@code com.oracle.ovm.mgr.ws.model.Vm}; null when not sent
 * @param value the object's id (required)
 * @param uri where the object is read; null when not sent
 * @param name the object's display name; null when not sent
 */
record OvmRef(String type, String value, String uri, String name) {

    /** The name when there is one, else the id. */
    String label() {
        return name != null && !name.isBlank() ? name : value;
    }
}
