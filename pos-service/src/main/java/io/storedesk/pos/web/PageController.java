package io.storedesk.pos.web;

import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.drawer.DrawerProperties;
import io.storedesk.pos.sale.DiscountReasons;
import io.storedesk.pos.sale.TaxExemptionWording;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in and the start page with the desk's tasks. */
@Controller
class PageController {

    private final TillProperties till;
    private final DiscountReasons discountReasons;
    private final TaxExemptionWording exemptions;
    private final DrawerProperties drawers;
    private final Catalog catalog;

    PageController(TillProperties till, DiscountReasons discountReasons, TaxExemptionWording exemptions,
            DrawerProperties drawers, Catalog catalog) {
        this.catalog = catalog;
        this.drawers = drawers;
        this.exemptions = exemptions;
        this.till = till;
        this.discountReasons = discountReasons;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    /**
     * Head office's quick keys (the items it flagged, labelled with their short label, else their name in the
     * store's language; the page ellipsizes a label that does not fit one row) once the store has
     * items from head office; until then the configured ones ({@code pos.till.quick-keys}).
     */
    java.util.List<TillProperties.QuickKey> quickKeys() {
        return catalog.headOfficeQuickKeys()
                .map(items -> items.stream().map(i -> new TillProperties.QuickKey(i.keyLabel(), i.sku())).toList())
                .orElseGet(till::quickKeys);
    }

    @GetMapping("/sale")
    String sale(Model model) {
        model.addAttribute("mergeLines", till.mergeIdenticalLines());
        model.addAttribute("quickKeys", quickKeys());
        model.addAttribute("discountReasons", discountReasons.reasons());
        model.addAttribute("exemptReasons", exemptions.reasons());
        Map<String, String> registers = new TreeMap<>();   // the register each drawer sits in: its customer display
        drawers.drawers().forEach((id, drawer) -> registers.put(id, drawer.register()));
        model.addAttribute("drawerRegisters", registers);
        return "sale";
    }
}
