package io.storedesk.pos.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * A bean that exists only in the store role ({@code pos.role=store}, the default): the card link and
 * its simulator, the reversal retrier and link monitor, the e-mail senders, the drawer kicks, the
 * store's points expiry, the complaint escalation. Head-office nodes ({@code pos.role=head-office}) start none of them.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "pos.role", havingValue = "store", matchIfMissing = true)
public @interface StoreOnly {
}
