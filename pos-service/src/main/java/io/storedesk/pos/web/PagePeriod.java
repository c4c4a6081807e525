package io.storedesk.pos.web;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.ui.Model;

/**
 * The days a report page shows, from its period picker: {@code from} and {@code to} as asked, one of them for
 * both when only one is given, else today in the store's zone. Put on the page as {@code from} and {@code to}.
 */
record PagePeriod(LocalDate first, LocalDate last) {

    static PagePeriod of(LocalDate from, LocalDate to, ZoneId zone, Model model) {
        LocalDate first = from != null ? from : to != null ? to : LocalDate.now(zone);
        LocalDate last = to != null ? to : first;
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        return new PagePeriod(first, last);
    }
}
