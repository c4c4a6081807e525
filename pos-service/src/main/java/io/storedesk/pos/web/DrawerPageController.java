package io.storedesk.pos.web;

import java.time.LocalDate;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.DrawerReports;
import io.storedesk.pos.report.ZReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The drawer screen (open with a count, cash movements, blind close, post-void) and, for
 * managers, the X report and the business-day close with its Z report. The X report fragment
 * is the only place a page shows the expected cash, and only to managers.
 */
@Controller
class DrawerPageController {

    private final DrawerReports drawerReports;
    private final ZReports zReports;

    DrawerPageController(DrawerReports drawerReports, ZReports zReports) {
        this.drawerReports = drawerReports;
        this.zReports = zReports;
    }

    @GetMapping("/drawer")
    String drawer() {
        return "drawer";
    }

    @GetMapping("/drawer/x-report")
    String xReport(@RequestParam String drawer, Model model) {
        try {
            model.addAttribute("x", drawerReports.xReport(drawer));
        } catch (ProblemException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "parts :: xreport";
    }

    @GetMapping("/day")
    String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        if (date != null) {
            model.addAttribute("date", date);
            zReports.find(date).ifPresent(z -> model.addAttribute("z", z));
        }
        return "day";
    }
}
