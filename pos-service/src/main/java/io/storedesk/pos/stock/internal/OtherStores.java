package io.storedesk.pos.stock.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.stock.HeadOfficeStock;
import io.storedesk.pos.stock.StockProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "In other stores": head office's quantity of one SKU at every other store, asked for online, nearest
 * first by {@code pos.stock.nearby-stores}, every other store after those by id; this store is left
 * out of the list (its own quantity, from here, is {@code onHandHere}). Head office not configured, not
 * reachable in time or answering otherwise: 503 {@code head-office-unreachable}.
 */
@Component
class OtherStores {

    private final ObjectProvider<HeadOfficeStock> headOffice;
    private final StockService stock;
    private final StockProperties properties;
    private final StoreProperties store;
    private final JsonMapper json;

    OtherStores(ObjectProvider<HeadOfficeStock> headOffice, StockService stock, StockProperties properties,
            StoreProperties store, JsonMapper json) {
        this.headOffice = headOffice;
        this.stock = stock;
        this.properties = properties;
        this.store = store;
        this.json = json;
    }

    StockViews.OtherStores of(String code) {
        CatalogItem item = stock.items(List.of(code.strip()), "sku").get(code.strip());
        HeadOfficeStock remote = headOffice.getIfAvailable();
        String body;
        try {
            if (remote == null) {
                throw new HeadOfficeStock.Unreachable("no head office is configured (pos.sync.head-office.url)", null);
            }
            body = remote.stockOf(item.sku());
        } catch (HeadOfficeStock.Unreachable e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "head-office-unreachable",
                    "Head office unreachable", "Head office cannot be reached now (" + e.getMessage()
                            + "): the other stores' stock is not known. Try again later.");
        }
        List<String> nearby = properties.nearbyStores().stream().map(String::strip).toList();
        List<StockViews.StoreStock> stores = new ArrayList<>();
        JsonNode answer = json.readTree(body);
        for (JsonNode s : answer.path("stores")) {
            String storeId = s.path("storeId").asString();
            if (storeId.equals(store.id())) {
                continue;
            }
            stores.add(new StockViews.StoreStock(storeId, s.path("onHand").asInt(),
                    OffsetDateTime.parse(s.path("asOf").asString()).withOffsetSameInstant(ZoneOffset.UTC),
                    nearby.contains(storeId)));
        }
        stores.sort(Comparator.comparingInt((StockViews.StoreStock s) -> rank(nearby, s.storeId()))
                .thenComparing(StockViews.StoreStock::storeId));
        return new StockViews.OtherStores(item.sku(), item.name(), store.id(), stock.item(item.sku(), 1).onHand(),
                stores);
    }

    private static int rank(List<String> nearby, String storeId) {
        int i = nearby.indexOf(storeId);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
