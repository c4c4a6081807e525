package io.storedesk.pos.promotion.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pos.promotion.*}.
 *
 * @param seedFile promotion set (JSON) installed when the database holds none; blank = none
 */
@ConfigurationProperties("pos.promotion")
record PromotionProperties(@DefaultValue("") String seedFile) {
}
