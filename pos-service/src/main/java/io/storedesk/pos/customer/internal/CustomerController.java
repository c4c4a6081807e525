package io.storedesk.pos.customer.internal;

import java.util.List;
import java.util.UUID;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.customer.CustomerView;
import io.storedesk.pos.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers over HTTP: create, find, change, purchase history, and the GDPR export and erasure (a customer's
 * cases: {@code /api/v1/customers/{id}/cases} in the cases module).
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final CustomerService customers;
    private final PurchaseHistory purchases;
    private final CustomerPrivacy privacy;
    private final Idempotency idempotency;

    CustomerController(CustomerService customers, PurchaseHistory purchases, CustomerPrivacy privacy,
            Idempotency idempotency) {
        this.customers = customers;
        this.purchases = purchases;
        this.privacy = privacy;
        this.idempotency = idempotency;
    }

    @PostMapping
    ResponseEntity<CustomerView> create(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody CustomerRequests.Create request) {
        String user = CurrentUser.username();
        var result = idempotency.execute("customer", key, new Object[] {user, request}, CustomerView.class,
                () -> customers.create(request, user));
        return result.created();
    }

    @GetMapping
    List<CustomerView> search(@RequestParam @Size(max = 200) String q,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return customers.search(q, limit);
    }

    @GetMapping("/{id}")
    CustomerView one(@PathVariable @Size(max = 40) String id) {
        return customers.find(id).orElseThrow(() -> ProblemException.notFound("Customer", id));
    }

    @PatchMapping("/{id}")
    CustomerView update(@PathVariable @Size(max = 40) String id, @Valid @RequestBody CustomerRequests.Update request) {
        return customers.update(uuid(id), request, CurrentUser.username());
    }

    @GetMapping("/{id}/purchases")
    List<PurchaseHistory.Purchase> purchases(@PathVariable @Size(max = 40) String id) {
        return purchases.of(uuid(id));
    }

    /** Managers only: everything held about the customer, as a JSON file. */
    @GetMapping("/{id}/export")
    ResponseEntity<CustomerPrivacy.Export> export(@PathVariable @Size(max = 40) String id) {
        UUID customerId = uuid(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customer-" + customerId + ".json\"")
                .body(privacy.export(customerId, CurrentUser.username()));
    }

    /**
     * Managers only: anonymises the customer; the financial records stay. Once per Idempotency-Key: a
     * repeat after a lost answer replays the erased record.
     */
    @PostMapping("/{id}/erase")
    CustomerView erase(@PathVariable @Size(max = 40) String id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody CustomerRequests.Erase request) {
        UUID customer = uuid(id);
        String user = CurrentUser.username();
        return idempotency.execute("customer-erase", key, new Object[] {customer, user, request}, CustomerView.class,
                () -> privacy.erase(customer, request.reason(), user)).body();
    }

    private static UUID uuid(String id) {
        return CustomerService.parse(id).orElseThrow(() -> ProblemException.notFound("Customer", id));
    }
}
