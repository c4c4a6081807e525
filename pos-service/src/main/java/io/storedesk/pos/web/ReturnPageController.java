package io.storedesk.pos.web;

import io.storedesk.pos.sale.Sales;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Receipt lookup and the return/exchange screen; the lookup answers an htmx fragment. */
@Controller
class ReturnPageController {

    private final Sales sales;

    ReturnPageController(Sales sales) {
        this.sales = sales;
    }

    @GetMapping("/returns")
    String returns(@RequestParam(required = false) @Size(max = 40) String receipt, Model model) {
        if (receipt != null && !receipt.isBlank()) {
            lookup(receipt, model);
        }
        return "returns";
    }

    @GetMapping("/returns/lookup")
    String lookup(@RequestParam(defaultValue = "") @Size(max = 40) String receipt, Model model) {
        String number = receipt.strip();
        model.addAttribute("receipt", number);
        if (number.isEmpty()) {
            model.addAttribute("lookupError", "returns.lookup.empty");
        } else {
            sales.find(number).ifPresentOrElse(s -> model.addAttribute("sale", s),
                    () -> model.addAttribute("lookupError", "returns.lookup.notFound"));
        }
        return "returns :: receipt";
    }
}
