package io.storedesk.pos.specialorder.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.sale.TrainingTill;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Special (customer) orders over HTTP: order with a deposit, arrival, pickup, cancellation, lookups. A user or register
 * in training (ADR 0005) takes, lists and changes training orders ({@code TRN-} numbers) only, through
 * {@link TrainingSpecialOrderService} and the training till; a real order is not changed in training (422
 * {@code training-not-available}) and a training order is not known outside it (404). Training orders are read back
 * by number at any time, as training sales are.
 */
@RestController
@RequestMapping("/api/v1/special-orders")
class SpecialOrderController {

    enum Status { ORDERED, ARRIVED, PICKED_UP, CANCELLED }

    private final SpecialOrderService orders;
    private final SpecialOrderStore store;
    private final TrainingSpecialOrderService trainingOrders;
    private final ObjectProvider<TrainingTill> training;
    private final CashDrawers drawers;

    SpecialOrderController(SpecialOrderService orders, SpecialOrderStore store,
            TrainingSpecialOrderService trainingOrders, ObjectProvider<TrainingTill> training, CashDrawers drawers) {
        this.orders = orders;
        this.store = store;
        this.trainingOrders = trainingOrders;
        this.training = training;
        this.drawers = drawers;
    }

    /** The training till when the signed-in user or the register is in training, else null. */
    private TrainingTill trainingTill(String registerId) {
        TrainingTill till = training.getIfAvailable();
        return till != null && till.activeFor(CurrentUser.username(), registerId) ? till : null;
    }

    /**
     * The till for a step on an order: the training till for a training order in training, null for a real order
     * outside it; a real order in training is 422 {@code training-not-available}, a training one outside it 404.
     */
    private TrainingTill tillFor(String orderNumber, String registerId) {
        TrainingTill till = trainingTill(registerId);
        boolean trainingOrder = orderNumber.startsWith(TrainingTill.PREFIX);
        if (till == null && trainingOrder) {
            throw ProblemException.notFound("Special order", orderNumber);
        }
        if (till != null && !trainingOrder) {
            throw ProblemException.rule("training-not-available", "Not available in training",
                    "A user or register in training changes training special orders only; %s is a real one."
                            .formatted(orderNumber));
        }
        return till;
    }

    @PostMapping
    ResponseEntity<?> create(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody SpecialOrderRequests.Create request) {
        DrawerInfo drawer = drawers.drawer(request.drawerId());
        TrainingTill till = trainingTill(drawer.registerId());
        if (till != null) {
            CurrentUser.requireRegister(drawer.registerId());
            return trainingOrders.create(till, drawer, request, key, CurrentUser.username()).created();
        }
        var result = orders.create(request, key, CurrentUser.username());
        return result.created();
    }

    /** In training, the training orders; else the real ones. */
    @GetMapping
    List<?> list(@RequestParam(required = false) @Size(max = 40) String customerId,
            @RequestParam(required = false) Status status,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        UUID customer = null;
        if (customerId != null) {
            customer = parse(customerId)
                    .orElseThrow(() -> ProblemException.invalidField("customerId", "must be a customer id"));
        }
        TrainingTill till = trainingTill(CurrentUser.tokenRegister());
        if (till != null) {
            return till.specialOrders(customer == null ? null : customer.toString(),
                    status == null ? null : status.name(), limit);
        }
        return store.list(customer, status == null ? null : status.name(), limit);
    }

    @GetMapping("/{orderNumber}")
    Object one(@PathVariable @Size(max = 30) String orderNumber) {
        TrainingTill till = training.getIfAvailable();
        if (till != null && orderNumber.startsWith(TrainingTill.PREFIX)) {
            return TrainingSpecialOrderService.find(till, orderNumber);
        }
        return orders.view(orderNumber);
    }

    @PostMapping("/{orderNumber}/arrived")
    Object arrived(@PathVariable @Size(max = 30) String orderNumber) {
        TrainingTill till = tillFor(orderNumber, CurrentUser.tokenRegister());
        if (till != null) {
            return trainingOrders.arrived(till, orderNumber, CurrentUser.username());
        }
        return orders.arrived(orderNumber, CurrentUser.username());
    }

    /** The balance is paid by the tenders; answers the order (PICKED_UP) and the sale. */
    @PostMapping("/{orderNumber}/pickup")
    ResponseEntity<?> pickup(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @PathVariable @Size(max = 30) String orderNumber, @Valid @RequestBody SpecialOrderRequests.Pickup request) {
        DrawerInfo drawer = drawers.drawer(request.drawerId());
        TrainingTill till = tillFor(orderNumber, drawer.registerId());
        if (till != null) {
            CurrentUser.requireRegister(drawer.registerId());
            return trainingOrders.pickup(till, drawer, orderNumber, request, key, CurrentUser.username()).created();
        }
        var result = orders.pickup(orderNumber, request, key, CurrentUser.username());
        return result.created();
    }

    @PostMapping("/{orderNumber}/cancel")
    ResponseEntity<?> cancel(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @PathVariable @Size(max = 30) String orderNumber, @Valid @RequestBody SpecialOrderRequests.Cancel request) {
        // the drawer the deposit goes back out of: the one named, else the one that took it
        TrainingTill anyTill = training.getIfAvailable();
        String drawerId = request.drawerId() != null ? request.drawerId()
                : anyTill != null && orderNumber.startsWith(TrainingTill.PREFIX)
                        ? anyTill.findSpecialOrder(orderNumber).map(o -> o.deposit().drawerId()).orElse(null)
                        : orders.find(orderNumber).view().deposit().drawerId();
        DrawerInfo drawer = drawerId == null ? null : drawers.drawer(drawerId);
        TrainingTill till = tillFor(orderNumber, drawer == null ? CurrentUser.tokenRegister() : drawer.registerId());
        if (till != null) {
            if (drawer == null) {
                throw ProblemException.notFound("Special order", orderNumber);
            }
            CurrentUser.requireRegister(drawer.registerId());
            return trainingOrders.cancel(till, drawer, orderNumber, request, key, CurrentUser.username()).ok();
        }
        var result = orders.cancel(orderNumber, request, key, CurrentUser.username());
        return result.ok();
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
