package io.storedesk.pos.customer.internal;

import java.util.List;
import java.util.UUID;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Special (customer) orders over HTTP: order with a deposit, arrival, pickup, cancellation, lookups. */
@RestController
@RequestMapping("/api/v1/special-orders")
class SpecialOrderController {

    enum Status { ORDERED, ARRIVED, PICKED_UP, CANCELLED }

    private final SpecialOrderService orders;
    private final SpecialOrderStore store;

    SpecialOrderController(SpecialOrderService orders, SpecialOrderStore store) {
        this.orders = orders;
        this.store = store;
    }

    @PostMapping
    ResponseEntity<SpecialOrderView> create(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody SpecialOrderRequests.Create request) {
        var result = orders.create(request, key, CurrentUser.username());
        return result.created();
    }

    @GetMapping
    List<SpecialOrderView> list(@RequestParam(required = false) @Size(max = 40) String customerId,
            @RequestParam(required = false) Status status,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        UUID customer = null;
        if (customerId != null) {
            customer = CustomerService.parse(customerId)
                    .orElseThrow(() -> ProblemException.invalidField("customerId", "must be a customer id"));
        }
        return store.list(customer, status == null ? null : status.name(), limit);
    }

    @GetMapping("/{orderNumber}")
    SpecialOrderView one(@PathVariable @Size(max = 30) String orderNumber) {
        return orders.view(orderNumber);
    }

    @PostMapping("/{orderNumber}/arrived")
    SpecialOrderView arrived(@PathVariable @Size(max = 30) String orderNumber) {
        return orders.arrived(orderNumber, CurrentUser.username());
    }

    /** The balance is paid by the tenders; answers the order (PICKED_UP) and the sale. */
    @PostMapping("/{orderNumber}/pickup")
    ResponseEntity<SpecialOrderView.Pickup> pickup(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @PathVariable @Size(max = 30) String orderNumber, @Valid @RequestBody SpecialOrderRequests.Pickup request) {
        var result = orders.pickup(orderNumber, request, key, CurrentUser.username());
        return result.created();
    }

    @PostMapping("/{orderNumber}/cancel")
    ResponseEntity<SpecialOrderView> cancel(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @PathVariable @Size(max = 30) String orderNumber, @Valid @RequestBody SpecialOrderRequests.Cancel request) {
        var result = orders.cancel(orderNumber, request, key, CurrentUser.username());
        return result.ok();
    }
}
