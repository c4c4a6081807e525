package io.storedesk.pos.web;

import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.TrainingTill;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Receipt lookup and the return/exchange screen; the lookup answers an htmx fragment. */
@Controller
class ReturnPageController {

    private final Sales sales;
    private final ObjectProvider<TrainingTill> training;

    ReturnPageController(Sales sales, ObjectProvider<TrainingTill> training) {
        this.sales = sales;
        this.training = training;
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
            find(number).ifPresentOrElse(s -> model.addAttribute("sale", s),
                    () -> model.addAttribute("lookupError", "returns.lookup.notFound"));
        }
        return "returns :: receipt";
    }

    /** A real sale, or a training one ({@code TRN-...}, ADR 0005), which only a training return takes back. */
    private java.util.Optional<SaleView> find(String number) {
        if (number.startsWith(TrainingTill.PREFIX)) {
            var till = training.getIfAvailable();
            return till == null ? java.util.Optional.empty() : till.find(number);
        }
        return sales.find(number);
    }
}
