package io.storedesk.pos.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.DrawerReports;
import io.storedesk.pos.identity.IdentityProperties;
import io.storedesk.pos.identity.Role;
import io.storedesk.pos.report.ZReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The drawer screen (open with a count, cash movements, blind close, post-void) and, for
 * managers, the X report and the business-day close with its Z report. The X report fragment
 * is the only place a page shows the expected cash, and only to managers.
 */
@Controller
class DrawerPageController {

    private final DrawerReports drawerReports;
    private final ZReports zReports;
    private final IdentityProperties identity;
    private final JsonMapper json;

    DrawerPageController(DrawerReports drawerReports, ZReports zReports, IdentityProperties identity, JsonMapper json) {
        this.drawerReports = drawerReports;
        this.zReports = zReports;
        this.identity = identity;
        this.json = json;
    }

    /** The page, with the labels of those who may approve a close ("Līga Kalniņa (manager)") for its result. */
    @GetMapping("/drawer")
    String drawer(Model model) {
        Map<String, String> approvers = new TreeMap<>();
        identity.users().forEach((name, user) -> {
            if (user.roles().contains(Role.MANAGER)) {
                approvers.put(name, identity.labelOf(name));
            }
        });
        model.addAttribute("approverLabels", json.writeValueAsString(approvers));
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
