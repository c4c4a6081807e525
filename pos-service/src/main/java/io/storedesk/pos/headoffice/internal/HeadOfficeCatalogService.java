package io.storedesk.pos.headoffice.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.storedesk.pos.headoffice.HeadOfficeCatalog;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link HeadOfficeCatalog} over the item master and the API's own price-list code. */
@Service
@Profile("head-office")
class HeadOfficeCatalogService implements HeadOfficeCatalog {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ItemMaster master;
    private final ItemMasterController api;
    private final JsonMapper json;

    HeadOfficeCatalogService(ItemMaster master, ItemMasterController api, JsonMapper json) {
        this.master = master;
        this.api = api;
        this.json = json;
    }

    @Override
    public List<Map<String, Object>> findItems(String query, int limit) {
        return master.find(query, limit).stream().map(this::map).toList();
    }

    @Override
    public Optional<Map<String, Object>> item(String sku) {
        return master.get(sku).map(this::map);
    }

    @Override
    public List<Map<String, Object>> priceHistory(String sku) {
        return master.priceHistory(sku).stream().map(this::map).toList();
    }

    @Override
    public Map<String, Object> schedulePrice(String sku, String storeGroup, String currency, String effectiveFrom,
            String price, String cost) {
        return api.priceList(new ItemMasterController.PriceListInput(storeGroup, currency, effectiveFrom,
                List.of(new ItemMasterController.PriceListInput.Line(sku, price, cost == null || cost.isBlank() ? null
                        : cost.strip()))));
    }

    @Override
    public Map<String, Object> setShortName(String sku, String shortName) {
        return map(api.shortName(sku, new ItemMasterController.ShortNameInput(shortName)));
    }

    @Override
    public Map<String, Object> importPriceList(String storeGroup, String currency, String effectiveFrom, String csv) {
        return api.importPriceList(storeGroup, currency, effectiveFrom, csv, "csv upload");
    }

    private Map<String, Object> map(Object value) {
        return json.convertValue(value, MAP);
    }
}
