package io.storedesk.pos.returns.internal;

import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.returns.ExchangeView;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges over HTTP: one document, at most once per Idempotency-Key. */
@RestController
@RequestMapping("/api/v1/exchanges")
class ExchangeController {

    private final ExchangeService exchanges;
    private final org.springframework.beans.factory.ObjectProvider<io.storedesk.pos.sale.TrainingTill> training;
    private final io.storedesk.pos.drawer.CashDrawers drawers;

    ExchangeController(ExchangeService exchanges,
            org.springframework.beans.factory.ObjectProvider<io.storedesk.pos.sale.TrainingTill> training,
            io.storedesk.pos.drawer.CashDrawers drawers) {
        this.exchanges = exchanges;
        this.training = training;
        this.drawers = drawers;
    }

    @PostMapping
    ResponseEntity<ExchangeView> exchange(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody ExchangeRequest request) {
        var till = training.getIfAvailable();
        if (till != null && till.activeFor(CurrentUser.username(), drawers.drawer(request.drawerId()).registerId())) {
            throw io.storedesk.pos.common.ProblemException.rule("training-not-available", "Not available in training",
                    "Exchanges are not available in training; take a training return and a training sale instead.");
        }
        var result = exchanges.exchange(request, key, CurrentUser.username());
        return result.created();
    }
}
