package io.storedesk.pos.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sale page ({@code pos.till.*}).
 *
 * @param mergeIdenticalLines the same item scanned again adds to its line instead of making a new one
 */
@ConfigurationProperties("pos.till")
record TillProperties(@DefaultValue("true") boolean mergeIdenticalLines) {
}
