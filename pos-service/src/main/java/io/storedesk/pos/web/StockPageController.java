package io.storedesk.pos.web;

import java.time.LocalDate;
import java.util.Map;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.stock.StockReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Stock pages (issue 26): an item's stock here and in the other stores ({@code /stock}) and goods
 * received by scan ({@code /stock/receive}); everything goes through the JSON API from
 * {@code stock.js}, which shows names with {@code textContent} only. The stock report
 * ({@code /stock/report}, MANAGER) is rendered here from the report the API answers.
 */
@Controller
class StockPageController {

    private final StockReports reports;
    private final StoreProperties store;

    StockPageController(StockReports reports, StoreProperties store) {
        this.reports = reports;
        this.store = store;
    }

    @GetMapping("/stock")
    String stock() {
        return "stock";
    }

    @GetMapping("/stock/receive")
    String receive() {
        return "stock-receive";
    }

    /** On hand per SKU now, and the movements by reason and shrinkage of the days {@code from} to {@code to}. */
    @GetMapping("/stock/report")
    String report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        PagePeriod period = PagePeriod.of(from, to, store.zone(), model);
        LocalDate first = period.first();
        LocalDate last = period.last();
        try {
            Map<String, Object> report = reports.report(first, last);
            model.addAttribute("report", report);
        } catch (ProblemException e) {
            model.addAttribute("rangeError", true);
        }
        return "stock-report";
    }
}
