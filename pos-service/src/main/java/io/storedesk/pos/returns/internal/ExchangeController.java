package io.storedesk.pos.returns.internal;

import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.sale.TrainingTill;
import jakarta.validation.Valid;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchanges over HTTP: one document, at most once per Idempotency-Key. When the user or the drawer's register is
 * in training (ADR 0005) the exchange goes to the training till, which takes back only training receipts.
 */
@RestController
@RequestMapping("/api/v1/exchanges")
class ExchangeController {

    private final ExchangeService exchanges;
    private final ObjectProvider<TrainingTill> training;
    private final CashDrawers drawers;

    ExchangeController(ExchangeService exchanges, ObjectProvider<TrainingTill> training, CashDrawers drawers) {
        this.exchanges = exchanges;
        this.training = training;
        this.drawers = drawers;
    }

    @PostMapping
    ResponseEntity<?> exchange(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody ExchangeRequest request) {
        var till = training.getIfAvailable();
        if (till != null) {
            var drawer = drawers.drawer(request.drawerId());
            if (till.activeFor(CurrentUser.username(), drawer.registerId())) {
                CurrentUser.requireRegister(drawer.registerId());
                return exchanges.exchangeInTraining(till, drawer, request, key, CurrentUser.username()).created();
            }
        }
        return exchanges.exchange(request, key, CurrentUser.username()).created();
    }
}
