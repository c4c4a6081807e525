package io.storedesk.pos.returns;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Return policy ({@code pos.returns.*}).
 *
 * @param windowDays a sale may be returned without a manager's approval up to this many days after its
 *                   business date
 */
@ConfigurationProperties("pos.returns")
public record ReturnsProperties(@DefaultValue("30") int windowDays) {
}
