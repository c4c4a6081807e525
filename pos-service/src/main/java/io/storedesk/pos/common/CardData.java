package io.storedesk.pos.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks card data in a request (PAN, expiry, track data): it never enters a request fingerprint
 * (see {@link Idempotency}), so nothing derived from it is ever stored. Put it on every record
 * component that carries card data.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface CardData {
}
