package io.storedesk.pos.web;

import java.time.LocalDate;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.headoffice.HeadOfficeReports;
import org.springframework.context.annotation.Profile;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Head office only: a business day of every store that sends its events, per store and per currency,
 * with each store's completeness of that day; and a range of days summed.
 */
@Controller
@Profile("head-office")
class HeadOfficePageController {

    private final HeadOfficeReports reports;
    private final StoreProperties store;

    HeadOfficePageController(HeadOfficeReports reports, StoreProperties store) {
        this.reports = reports;
        this.store = store;
    }

    /**
     * The day's figures per store, each store's completeness of that day (its Z report against
     * what was received), and with {@code from} and {@code to} the days of a range summed.
     */
    @GetMapping("/office/stores")
    String stores(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate day = date != null ? date : LocalDate.now(store.zone());
        model.addAttribute("date", day);
        model.addAttribute("report", reports.daily(day, null));
        model.addAttribute("completeness", reports.completeness(day, day, null));
        model.addAttribute("from", from != null ? from : day.withDayOfMonth(1));
        model.addAttribute("to", to != null ? to : day);
        if (from != null && to != null) {
            try {
                model.addAttribute("range", reports.range(from, to, null));
            } catch (ProblemException e) {
                model.addAttribute("rangeError", true);
            }
        }
        return "head-office";
    }
}
