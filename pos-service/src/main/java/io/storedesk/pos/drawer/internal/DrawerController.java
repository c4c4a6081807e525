package io.storedesk.pos.drawer.internal;

import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.Durability;
import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.drawer.PostingType;
import io.storedesk.pos.drawer.TrainingDrawerCash;
import io.storedesk.pos.identity.ApprovalRequest;
import io.storedesk.pos.identity.CurrentUser;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/drawers")
class DrawerController {

    private final DrawerService drawers;
    private final DrawerOperations operations;
    private final XReports xReports;
    private final Idempotency idempotency;
    private final Durability durability;
    private final ObjectProvider<TrainingDrawerCash> training;

    DrawerController(DrawerService drawers, DrawerOperations operations, XReports xReports, Idempotency idempotency,
            Durability durability, ObjectProvider<TrainingDrawerCash> training) {
        this.training = training;
        this.durability = durability;
        this.drawers = drawers;
        this.operations = operations;
        this.xReports = xReports;
        this.idempotency = idempotency;
    }

    @GetMapping
    List<DrawerInfo> list() {
        return drawers.drawers();
    }

    @GetMapping("/{drawerId}")
    DrawerService.OpenedDrawer current(@PathVariable @Size(max = 20) String drawerId) {
        return drawers.current(drawerId).orElseThrow(() -> DrawerService.notOpen(drawerId));
    }

    @PostMapping("/{drawerId}/open")
    ResponseEntity<DrawerService.OpenedDrawer> open(@PathVariable @Size(max = 20) String drawerId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody OpenRequest request) {
        String user = CurrentUser.username();
        var result = idempotency.execute("drawer-open", key, new Object[] {drawerId, user, request},
                DrawerService.OpenedDrawer.class, () -> drawers.open(drawerId, request.floatCounts(), user));
        return ResponseEntity.status(HttpStatus.CREATED).body(result.body());
    }

    @PostMapping("/{drawerId}/movements")
    ResponseEntity<?> move(@PathVariable @Size(max = 20) String drawerId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody MovementRequest request) {
        String user = CurrentUser.username();
        if ((request.type() == PostingType.PAID_IN || request.type() == PostingType.PAID_OUT)
                && (request.reason() == null || request.reason().isBlank())) {
            throw ProblemException.badRequest("validation-failed", "Invalid request",
                            "A %s needs a reason.".formatted(request.type()))
                    .with("errors", List.of(Map.of("field", "reason", "message", "must not be blank")));
        }
        var amount = Amounts.parse(request.amount(), drawers.drawerForOperation(drawerId).currency(), "amount");
        if (!amount.isPositive()) {
            throw ProblemException.badRequest("invalid-amount", "Invalid amount", "amount must be more than zero.");
        }
        Object[] fingerprinted = {drawerId, user, request};
        TrainingDrawerCash till = inTraining(drawerId, user);
        if (till != null) { // a training document (ADR 0005): checked as a real one, posted nowhere
            if (request.type() != PostingType.PAID_IN && request.type() != PostingType.PAID_OUT) {
                throw ProblemException.rule("training-not-available", "Not available in training",
                        "A %s moves real cash between the drawer and the safe; it is not done in training."
                                .formatted(request.type())).with("refused", "safe");
            }
            var trained = till.move(drawers.drawerForOperation(drawerId),
                    () -> operations.trainingSession(drawerId, request.type(), amount, user), request.type(), amount,
                    request.reason(), user, key, idempotency.fingerprint(key, fingerprinted));
            return trained.created();
        }
        var result = idempotency.execute("drawer-movement", key, fingerprinted,
                DrawerOperations.Movement.class,
                () -> operations.move(drawerId, request.type(), amount, request.reason(), user));
        return ResponseEntity.status(HttpStatus.CREATED).body(result.body());
    }

    /** Opens the drawer without a sale; journaled with the reason. */
    @PostMapping("/{drawerId}/no-sale")
    ResponseEntity<?> noSale(@PathVariable @Size(max = 20) String drawerId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody NoSaleRequest request) {
        String user = CurrentUser.username();
        TrainingDrawerCash till = inTraining(drawerId, user);
        if (till != null) { // a training no-sale: checked as a real one, no kick, no journal entry
            var trained = till.noSale(drawers.drawerForOperation(drawerId),
                    () -> operations.trainingSession(drawerId, null, null, user), request.reason(), user, key,
                    idempotency.fingerprint(key, new Object[] {drawerId, user, request}));
            return trained.created();
        }
        var result = idempotency.execute("drawer-no-sale", key, new Object[] {drawerId, user, request},
                DrawerOperations.NoSale.class, () -> operations.noSale(drawerId, request.reason(), user));
        return ResponseEntity.status(HttpStatus.CREATED).body(result.body());
    }

    /** The training till's cash port when the user or the drawer's register is in training (ADR 0005), else null. */
    private TrainingDrawerCash inTraining(String drawerId, String user) {
        TrainingDrawerCash till = training.getIfAvailable();
        return till != null && till.activeFor(user, drawers.drawerForOperation(drawerId).registerId()) ? till : null;
    }

    @GetMapping("/{drawerId}/x-report")
    XReports.XReport xReport(@PathVariable @Size(max = 20) String drawerId) {
        drawers.drawer(drawerId);
        return xReports.of(drawerId);
    }

    @PostMapping("/{drawerId}/close")
    DrawerOperations.Closed close(@PathVariable @Size(max = 20) String drawerId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody CloseRequest request) {
        String user = CurrentUser.username();
        DrawerOperations.Closed closed = idempotency.execute("drawer-close", key,
                new Object[] {drawerId, user, request.counted()}, DrawerOperations.Closed.class,
                () -> operations.close(drawerId, request.counted(), request.approval(), user)).body();
        durability.syncOnCommit();   // a drawer close survives a power cut too
        return closed;
    }

    record OpenRequest(@NotNull @Size(max = 30) @JsonProperty("float") Map<String, Integer> floatCounts) {
    }

    record MovementRequest(@NotNull PostingType type,
            @NotBlank @Pattern(regexp = Amounts.PATTERN, message = "must be an amount like 12.30") String amount,
            @Size(max = 200) String reason) {
    }

    record NoSaleRequest(@NotBlank @Size(max = 200) String reason) {
    }

    record CloseRequest(@NotNull @Size(max = 30) Map<String, Integer> counted, @Valid ApprovalRequest approval) {
    }
}
