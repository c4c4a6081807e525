package io.storedesk.pos.web;

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

    PageController(TillProperties till, DiscountReasons discountReasons, TaxExemptionWording exemptions) {
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

    @GetMapping("/sale")
    String sale(Model model) {
        model.addAttribute("mergeLines", till.mergeIdenticalLines());
        model.addAttribute("quickKeys", till.quickKeys());
        model.addAttribute("discountReasons", discountReasons.reasons());
        model.addAttribute("exemptReasons", exemptions.reasons());
        return "sale";
    }
}
