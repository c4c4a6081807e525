package io.storedesk.pos.stock;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stock settings ({@code pos.stock.*}).
 *
 * @param nearbyStores the other stores nearest first (store ids): "in other stores" lists them in this
 *                     order, every other store after them by id
 */
@ConfigurationProperties("pos.stock")
public record StockProperties(@DefaultValue List<String> nearbyStores) {
}
