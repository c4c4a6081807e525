package io.storedesk.pos.returns.internal;

import java.util.List;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.sale.TrainingTill;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.returns.ReturnView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Receipted returns over HTTP: take one (at most once per Idempotency-Key) and read it back. */
@RestController
@RequestMapping("/api/v1/returns")
class ReturnController {

    private final ReturnService returns;
    private final ReturnStore store;
    private final org.springframework.beans.factory.ObjectProvider<TrainingTill> training;
    private final CashDrawers drawers;
    private final Idempotency idempotency;

    ReturnController(ReturnService returns, ReturnStore store, org.springframework.beans.factory.ObjectProvider<TrainingTill> training,
            CashDrawers drawers, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.returns = returns;
        this.store = store;
        this.training = training;
        this.drawers = drawers;
    }

    /**
     * A return; when the user or the drawer's register is in training (ADR 0005) it goes to the training
     * till, which takes back only training receipts (422 {@code training-real-receipt} for a real one).
     */
    @PostMapping
    ResponseEntity<?> complete(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody ReturnRequests.Return request) {
        var till = training.getIfAvailable();
        if (till != null) {
            var drawer = drawers.drawer(request.drawerId());
            if (till.activeFor(CurrentUser.username(), drawer.registerId())) {
                CurrentUser.requireRegister(drawer.registerId());
                // the real till's fingerprint of the request: the same key with another body is refused
                String fingerprint = idempotency.fingerprint(key, new Object[] {CurrentUser.username(), request});
                List<TrainingTill.ReturnedLine> lines = ReturnRequests.trainingLines(request.lines(), request.method());
                return till.returnGoods(drawer.registerId(), drawer.drawerId(), CurrentUser.username(),
                        request.receiptNumber(), lines, request.method() == ReturnRequests.RefundMethod.CASH, key,
                        fingerprint).created();
            }
        }
        var result = returns.complete(request, key, CurrentUser.username());
        return result.created();
    }

    /** A return; a training one ({@code TRN-...}, ADR 0005) as the training till answered it, marked training. */
    @GetMapping("/{returnNumber}")
    Object one(@PathVariable @Size(max = 40) String returnNumber) {
        if (returnNumber.startsWith(TrainingTill.PREFIX)) {
            var till = training.getIfAvailable();
            return (till == null ? java.util.Optional.<TrainingTill.TrainingReturn>empty() : till.findReturn(returnNumber))
                    .orElseThrow(() -> ProblemException.notFound("Return", returnNumber));
        }
        return store.find(returnNumber).orElseThrow(() -> ProblemException.notFound("Return", returnNumber));
    }
}
