package io.storedesk.pos.web;

import java.time.LocalDate;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.headoffice.HeadOfficeReports;
import org.springframework.context.annotation.Profile;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Head office only: a business day of every store that sends its events, per store and per currency. */
@Controller
@Profile("head-office")
class HeadOfficePageController {

    private final HeadOfficeReports reports;
    private final StoreProperties store;

    HeadOfficePageController(HeadOfficeReports reports, StoreProperties store) {
        this.reports = reports;
        this.store = store;
    }

    @GetMapping("/office/stores")
    String stores(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        LocalDate day = date != null ? date : LocalDate.now(store.zone());
        model.addAttribute("date", day);
        model.addAttribute("report", reports.daily(day, null));
        return "head-office";
    }
}
