package io.storedesk.pos.sale.internal;

import java.util.List;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.TrainingTill;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Suspend and resume: {@code POST /api/v1/baskets} parks a basket (201, Idempotency-Key honoured),
 * {@code GET} lists the parked ones, {@code POST /{number}/resume} takes one back at a register
 * (once), {@code POST /{number}/discard} throws it away. Clerks and managers.
 */
@RestController
@RequestMapping("/api/v1/baskets")
class ParkedBasketController {

    private final ParkedBaskets baskets;
    private final Idempotency idempotency;
    private final ObjectProvider<TrainingTill> training;
    private final CashDrawers drawers;

    ParkedBasketController(ParkedBaskets baskets, Idempotency idempotency, ObjectProvider<TrainingTill> training,
            CashDrawers drawers) {
        this.baskets = baskets;
        this.idempotency = idempotency;
        this.training = training;
        this.drawers = drawers;
    }

    /** Whether the user, or the register (the drawer's, else the token's), is in training (ADR 0005). */
    private boolean inTraining(String drawerId) {
        var till = training.getIfAvailable();
        String register = drawerId == null ? CurrentUser.tokenRegister() : drawers.drawer(drawerId).registerId();
        return till != null && till.activeFor(CurrentUser.username(), register);
    }

    record Park(@NotBlank @Size(max = 20) String drawerId,
            @NotEmpty @Size(max = SaleRequests.MAX_LINES) List<SaleOrder.@Valid @NotNull Line> lines,
            @Size(max = 40) String loyaltyCard, @Size(max = 10) List<@NotBlank @Size(max = 40) String> coupons,
            @Valid SaleOrder.Discount discount, @Size(max = 200) String note) {
    }

    record Resume(@NotBlank @Size(max = 20) String drawerId) {
    }

    @PostMapping
    ResponseEntity<ParkedBaskets.Parked> park(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody Park request) {
        String user = CurrentUser.username();
        return idempotency.execute("basket-park", key, new Object[] {request, user}, ParkedBaskets.Parked.class,
                () -> baskets.park(request.drawerId(), new ParkedBaskets.Contents(request.lines(), request.loyaltyCard(),
                        request.coupons(), request.discount()), blankToNull(request.note()), user,
                        inTraining(request.drawerId()))).created();
    }

    @GetMapping
    List<ParkedBaskets.Parked> parked() {
        return baskets.parked(inTraining(null));
    }

    @GetMapping("/{number}")
    ParkedBaskets.Parked one(@PathVariable @Size(max = 40) String number) {
        return baskets.find(number).orElseThrow(() -> ProblemException.notFound("Parked basket", number));
    }

    @PostMapping("/{number}/resume")
    ParkedBaskets.Parked resume(@PathVariable @Size(max = 40) String number, @Valid @RequestBody Resume request) {
        return baskets.resume(number, request.drawerId(), CurrentUser.username(), inTraining(request.drawerId()));
    }

    @PostMapping("/{number}/discard")
    ParkedBaskets.Parked discard(@PathVariable @Size(max = 40) String number) {
        return baskets.discard(number, CurrentUser.username(), inTraining(null));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
