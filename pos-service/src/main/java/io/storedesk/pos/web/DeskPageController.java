package io.storedesk.pos.web;

import io.storedesk.pos.customer.Customers;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The customer desk: customer search and profile, the cases list and a case page. The profile
 * heading is rendered here; purchases, cases and every change go through the JSON API from
 * {@code desk.js}, which shows user text with {@code textContent} only.
 */
@Controller
class DeskPageController {

    private final Customers customers;

    DeskPageController(Customers customers) {
        this.customers = customers;
    }

    @GetMapping("/customers")
    String customers() {
        return "customers";
    }

    @GetMapping("/customers/{id}")
    String customer(@PathVariable @Size(max = 40) String id, Model model) {
        model.addAttribute("customerId", id);
        customers.find(id).ifPresent(c -> model.addAttribute("customer", c));
        return "customer";
    }

    @GetMapping("/cases")
    String cases() {
        return "cases";
    }

    @GetMapping("/cases/{caseNumber}")
    String serviceCase(@PathVariable @Size(max = 100) String caseNumber, Model model) {
        model.addAttribute("caseNumber", caseNumber);
        return "case";
    }
}
