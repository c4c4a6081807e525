package io.storedesk.pos.web;

import java.time.LocalDate;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.headoffice.HeadOfficeStockReports;
import org.springframework.context.annotation.Profile;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Head office only (issue 26): stock across the stores ({@code /office/stock}: one SKU at every store
 * with "as of", one store's stock report for a period) and the gift-card report
 * ({@code /office/gift-cards}: liability, activations, reloads, redemptions with the offline ones,
 * refunds, breakage by age and overdrawn cards, masked, per currency). Both reached from
 * {@code /office/stores}.
 */
@Controller
@Profile("head-office")
class HeadOfficeStockPageController {

    private final HeadOfficeStockReports reports;
    private final StoreProperties store;

    HeadOfficeStockPageController(HeadOfficeStockReports reports, StoreProperties store) {
        this.reports = reports;
        this.store = store;
    }

    @GetMapping("/office/stock")
    String stock(@RequestParam(defaultValue = "") String sku, @RequestParam(defaultValue = "") String storeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        String code = sku.strip();
        code = code.length() > 64 ? code.substring(0, 64) : code;
        model.addAttribute("sku", code);
        if (!code.isEmpty()) {
            model.addAttribute("skuStores", reports.stockOf(code));
        }
        var stores = reports.stockStores();
        model.addAttribute("stores", stores);
        String chosen = stores.contains(storeId.strip()) ? storeId.strip() : null;
        PagePeriod period = PagePeriod.of(from, to, store.zone(), model);
        LocalDate first = period.first();
        LocalDate last = period.last();
        model.addAttribute("storeId", chosen);
        if (chosen != null) {
            try {
                model.addAttribute("report", reports.stockReport(chosen, first, last));
            } catch (ProblemException e) {
                model.addAttribute("rangeError", true);
            }
        }
        return "ho-stock";
    }

    @GetMapping("/office/gift-cards")
    String giftCards(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate today = LocalDate.now(store.zone());
        LocalDate last = to != null ? to : today;
        LocalDate first = from != null ? from : last.withDayOfMonth(1);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        try {
            model.addAttribute("report", reports.giftCardReport(first, last));
        } catch (ProblemException e) {
            model.addAttribute("rangeError", true);
        }
        return "ho-gift-cards";
    }
}
