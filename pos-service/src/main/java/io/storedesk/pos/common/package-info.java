/**
 * Shared kernel used by every module: the {@link io.storedesk.pos.common.Money} value type and
 * its rounding policies, the store's own settings, problem+json errors and the idempotency
 * mechanism that makes every creating POST safe to repeat.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.storedesk.pos.common;
