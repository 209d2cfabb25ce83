package org.sitewatch.collectors.libvirt;

import java.lang.reflect.Field;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.DomainEventType;
import org.libvirt.jna.DomainPointer;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virDomainInfo;

/**
 * libvirt's own numbers where libvirt-java 0.5.3 loses them. Its enums are shorter than the C ones:
 * {@code DomainInfo.DomainState} has no {@code PMSUSPENDED}, and {@code Domain.getInfo()} of a
 * suspended guest throws {@code ArrayIndexOutOfBoundsException} (index 7 of 7 constants); the event
 * detail enums lack {@code RENAMED}, {@code POSTCOPY}, {@code CRASHLOADED} and more, which arrive as
 * {@code UNKNOWN}. The bindings keep the raw numbers in non-public fields ({@code DomainEvent.detail},
 * {@code Domain.vdp}); this class reads them by reflection and falls back to the enums' ordinals
 * (exact for every code the enums know) if a later version of the bindings renames them.
 */
final class LibvirtRaw {

    /** An event type the bindings did not know (they drop its number). */
    static final int UNKNOWN_TYPE = -1;

    private static final Field EVENT_DETAIL = field(DomainEvent.class, "detail");
    private static final Field DOMAIN_POINTER = field(Domain.class, "vdp");

    private LibvirtRaw() {
    }

    static int eventType(DomainEvent event) {
        DomainEventType type = event.getType();
        return type == DomainEventType.UNKNOWN ? UNKNOWN_TYPE : type.ordinal();
    }

    static int eventDetail(DomainEvent event) {
        if (EVENT_DETAIL != null) {
            try {
                return EVENT_DETAIL.getInt(event);
            } catch (IllegalAccessException e) {
                // fall back to the enum below
            }
        }
        Enum<?> detail = event.getDetail();
        return detail == null ? -1 : detail.ordinal();
    }

    /** The domain's {@code virDomainState} number, from {@code virDomainGetInfo}. */
    static int domainState(Domain domain) throws LibvirtException {
        if (DOMAIN_POINTER != null) {
            try {
                DomainPointer pointer = (DomainPointer) DOMAIN_POINTER.get(domain);
                virDomainInfo info = new virDomainInfo();
                if (pointer != null && Libvirt.INSTANCE.virDomainGetInfo(pointer, info) >= 0) {
                    return info.state;
                }
            } catch (IllegalAccessException | ClassCastException e) {
                // fall back to the bindings' call below, which also reports libvirt's error properly
            }
        }
        return domain.getInfo().state.ordinal();
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
