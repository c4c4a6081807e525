package io.storedesk.pos.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Complaints about goods over HTTP: receive, settle, the list by legal deadline and the figures. */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintController {

    private final ComplaintService complaints;
    private final ComplaintStore store;
    private final ComplaintFigures figures;
    private final Idempotency idempotency;
    private final StoreProperties storeProperties;
    private final Clock clock;

    private final TrainingComplaintService training;
    private final TrainingCaseService trainingCases;

    ComplaintController(ComplaintService complaints, ComplaintStore store, ComplaintFigures figures,
            Idempotency idempotency, StoreProperties storeProperties, Clock clock, TrainingComplaintService training,
            TrainingCaseService trainingCases) {
        this.training = training;
        this.trainingCases = trainingCases;
        this.complaints = complaints;
        this.store = store;
        this.figures = figures;
        this.idempotency = idempotency;
        this.storeProperties = storeProperties;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<ComplaintView> receive(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody ComplaintRequests.Receive request) {
        String user = CurrentUser.username();
        String register = CurrentUser.tokenRegister();
        if (request.caseNumber() != null) {
            // a complaint changes its case: the case routes' rule
            trainingCases.trainingNumber("Case", request.caseNumber(), true, user, register);
        }
        if (inTraining()) {
            return idempotency.execute("training-complaint", key, new Object[] {user, request}, ComplaintView.class,
                    () -> training.receive(request, user, register)).created();
        }
        var result = idempotency.execute("complaint", key, new Object[] {user, request}, ComplaintView.class,
                () -> complaints.receive(request, user));
        return result.created();
    }

    /**
     * In order of legal deadline (open ones first). {@code due=today} (or a date): open complaints due on or
     * before that day, overdue ones included; {@code due=overdue}: open ones past their deadline.
     */
    @GetMapping
    List<ComplaintView> list(@RequestParam(required = false) @Pattern(regexp = "OPEN|SETTLED",
                    message = "must be OPEN or SETTLED") String status,
            @RequestParam(required = false) @Size(max = 10) String due,
            @RequestParam(required = false) @Size(max = 100) String caseNumber,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        LocalDate today = storeProperties.today(clock);
        LocalDate dueBy = null;
        if (due != null) {
            try {
                dueBy = switch (due) {
                    case "today" -> today;
                    case "overdue" -> today.minusDays(1);
                    default -> LocalDate.parse(due);
                };
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("due", "must be 'today', 'overdue' or a date like 2026-11-23");
            }
        }
        if (inTraining()) {
            return training.list(CurrentUser.username(), status, dueBy, caseNumber, limit);
        }
        return store.list(status, dueBy, caseNumber, limit).stream().map(complaints::view).toList();
    }

    /** Open, due today, overdue, escalated; settled in the period with the average settlement time. */
    @GetMapping("/figures")
    ComplaintFigures.Figures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = storeProperties.today(clock);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        return figures.of(start, end);
    }

    @GetMapping("/{complaintNumber}")
    ComplaintView get(@PathVariable @Size(max = 60) String complaintNumber) {
        if (trainingComplaint(complaintNumber, false)) {
            return training.view(complaintNumber);
        }
        return complaints.view(complaintNumber);
    }

    @PostMapping("/{complaintNumber}/settle")
    ComplaintView settle(@PathVariable @Size(max = 60) String complaintNumber,
            @Valid @RequestBody ComplaintRequests.Settle request) {
        if (trainingComplaint(complaintNumber, true)) {
            return training.settle(complaintNumber, request, CurrentUser.username());
        }
        return complaints.settle(complaintNumber, request, CurrentUser.username());
    }

    private boolean inTraining() {
        return trainingCases.activeFor(CurrentUser.username(), CurrentUser.tokenRegister());
    }

    /** Whether the complaint is a training one, under {@link TrainingCaseService#trainingNumber}'s rule. */
    private boolean trainingComplaint(String number, boolean change) {
        return trainingCases.trainingNumber("Complaint", number, change, CurrentUser.username(),
                CurrentUser.tokenRegister());
    }
}
