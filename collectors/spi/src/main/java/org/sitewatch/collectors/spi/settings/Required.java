package org.sitewatch.collectors.spi.settings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a settings record component the configuration must give. Without it a missing key binds
 * as null (or false / 0 for primitives), and the record's constructor may put a default in.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Required {

    /** An example value shown when the key is missing, e.g. {@code https://pve1:8006/api2/json}. */
    String example() default "";
}
