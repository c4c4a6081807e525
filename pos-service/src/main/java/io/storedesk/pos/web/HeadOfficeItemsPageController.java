package io.storedesk.pos.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.headoffice.HeadOfficeCatalog;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Head office only (issue 26): find items, an item with its price history per store group and
 * currency, schedule a price change for it, upload a price-list CSV and see its rejected rows.
 */
@Controller
@Profile("head-office")
class HeadOfficeItemsPageController {

    private final HeadOfficeCatalog catalog;
    private final StoreProperties store;
    private final org.springframework.context.MessageSource messages;

    HeadOfficeItemsPageController(HeadOfficeCatalog catalog, StoreProperties store,
            org.springframework.context.MessageSource messages) {
        this.catalog = catalog;
        this.store = store;
        this.messages = messages;
    }

    @GetMapping("/office/items")
    String items(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.length() > 100 ? q.substring(0, 100) : q;
        model.addAttribute("q", query);
        model.addAttribute("items", catalog.findItems(query, 100));
        return "ho-items";
    }

    @GetMapping("/office/items/{sku}")
    String item(@PathVariable String sku, Model model) {
        Map<String, Object> item = catalog.item(sku).orElseThrow(() -> ProblemException.notFound("Item", sku));
        model.addAttribute("item", item);
        model.addAttribute("prices", catalog.priceHistory(sku));
        model.addAttribute("currency", store.currency().getCurrencyCode());
        model.addAttribute("storeGroup", "ALL");
        return "ho-item";
    }

    @PostMapping("/office/items/{sku}/prices")
    String schedule(@PathVariable String sku, @RequestParam(defaultValue = "ALL") String storeGroup,
            @RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String effectiveFrom,
            @RequestParam(defaultValue = "") String price, @RequestParam(defaultValue = "") String cost, Model model) {
        try {
            Map<String, Object> list = catalog.schedulePrice(sku, storeGroup, currency, effectiveFrom, price, cost);
            List<?> rejected = (List<?>) list.get("rejected");
            model.addAttribute("scheduled", list.get("version"));
            model.addAttribute("rejected", rejected);
        } catch (ProblemException e) {
            problem(e, model);
            model.addAttribute("rejected", e.properties().get("rejected"));
        }
        String page = item(sku, model);
        model.addAttribute("currency", currency.isBlank() ? store.currency().getCurrencyCode() : currency);
        model.addAttribute("storeGroup", storeGroup);
        model.addAttribute("effectiveFrom", effectiveFrom);
        model.addAttribute("price", price);
        model.addAttribute("cost", cost);
        return page;
    }

    @PostMapping("/office/items/{sku}/short-name")
    String shortName(@PathVariable String sku, @RequestParam(defaultValue = "") String shortName, Model model) {
        try {
            Map<String, Object> item = catalog.setShortName(sku, shortName);
            model.addAttribute("shortNameSaved", item.get("version"));
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            problem(e, model);
            model.addAttribute("shortNameProblem", true);
            model.addAttribute("shortNameValue", shortName);
        }
        return item(sku, model);
    }

    @GetMapping("/office/prices/import")
    String importForm(Model model) {
        model.addAttribute("currency", store.currency().getCurrencyCode());
        model.addAttribute("storeGroup", "ALL");
        return "ho-prices";
    }

    @PostMapping("/office/prices/import")
    String importCsv(@RequestParam(defaultValue = "ALL") String storeGroup,
            @RequestParam(defaultValue = "") String currency, @RequestParam(defaultValue = "") String effectiveFrom,
            @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        model.addAttribute("currency", currency);
        model.addAttribute("storeGroup", storeGroup);
        model.addAttribute("effectiveFrom", effectiveFrom);
        try {
            String csv = file == null ? "" : new String(file.getBytes(), StandardCharsets.UTF_8);
            model.addAttribute("result", catalog.importPriceList(storeGroup, currency, effectiveFrom, csv));
        } catch (ProblemException e) {
            problem(e, model);
            model.addAttribute("rejected", e.properties().get("rejected"));
        }
        return "ho-prices";
    }

    /** The problem's title and detail in the page's language (the bundles' {@code problem.<type>.*}, as the API does). */
    private void problem(ProblemException e, Model model) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        String title = messages.getMessage("problem." + e.type() + ".title", null, e.title(), locale);
        String detail = messages.getMessage("problem." + e.type() + ".detail", null, e.getMessage(), locale);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([A-Za-z]+)}").matcher(detail);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = "count".equals(m.group(1)) && e.properties().get("errors") instanceof java.util.Collection<?> c
                    ? c.size() : e.properties().get(m.group(1));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        m.appendTail(out);
        model.addAttribute("problemTitle", title);
        model.addAttribute("problemDetail", out.toString());
    }
}
