package io.storedesk.pos.cases.internal;

import java.util.List;
import java.util.UUID;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.customer.CustomerView;
import io.storedesk.pos.customer.Customers;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A customer's service cases over HTTP (the customer's own routes are the customer module's). */
@RestController
class CustomerCasesController {

    private final Customers customers;
    private final CaseStore cases;

    CustomerCasesController(Customers customers, CaseStore cases) {
        this.customers = customers;
        this.cases = cases;
    }

    @GetMapping("/api/v1/customers/{id}/cases")
    List<CaseView> cases(@PathVariable @Size(max = 40) String id) {
        CustomerView customer = customers.find(id).orElseThrow(() -> ProblemException.notFound("Customer", id));
        return cases.list(null, null, UUID.fromString(customer.id()), 500);
    }
}
