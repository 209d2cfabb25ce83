package org.sitewatch.collectors.vmware.mapping;

/**
 * A reference to a managed entity as vCenter sends it: the moRef value ({@code host-12}) and,
 * when known, the entity's display name (event arguments carry both, e.g. {@code vm{name, vm}}).
 *
 * @param moRef the managed object reference value; null when vCenter did not send one
 * @param name the display name; null when not sent
 */
public record EntityRef(String moRef, String name) {

    /** A reference by id only. */
    public static EntityRef of(String moRef) {
        return new EntityRef(moRef, null);
    }

    /** The moRef of {@code ref}, or null when there is no reference. */
    static String idOf(EntityRef ref) {
        return ref == null ? null : ref.moRef();
    }

    /** The name of {@code ref}, or null when there is no reference. */
    static String nameOf(EntityRef ref) {
        return ref == null ? null : ref.name();
    }
}
