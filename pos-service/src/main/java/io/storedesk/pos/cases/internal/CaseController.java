package io.storedesk.pos.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
 * Service cases over HTTP: open, notes, escalation, follow-ups, resolution, closing, lists and figures. A user or the
 * token's register in training (ADR 0005, issue 24) opens and changes training cases only ({@code TRN-} numbers,
 * through {@link TrainingCaseService}); a step on a real case in training is 422 {@code training-not-available}, a
 * training case outside training is 404, and the list in training shows the user's own training cases only.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

    private final CaseService cases;
    private final CaseStore store;
    private final CaseFigures figures;
    private final Idempotency idempotency;
    private final StoreProperties storeProperties;
    private final Clock clock;
    private final TrainingCaseService training;

    CaseController(CaseService cases, CaseStore store, CaseFigures figures, Idempotency idempotency,
            StoreProperties storeProperties, Clock clock, TrainingCaseService training) {
        this.training = training;
        this.cases = cases;
        this.store = store;
        this.figures = figures;
        this.idempotency = idempotency;
        this.storeProperties = storeProperties;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<CaseView> open(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody CaseRequests.Open request) {
        String user = CurrentUser.username();
        if (inTraining()) {
            String register = CurrentUser.tokenRegister();
            return idempotency.execute("training-case", key, new Object[] {user, request}, CaseView.class,
                    () -> training.open(request, user, register)).created();
        }
        var result = idempotency.execute("case", key, new Object[] {user, request}, CaseView.class,
                () -> cases.open(request, user));
        return result.created();
    }

    /** {@code followUpDue=today} (or a date): active cases with a follow-up due on or before that day. */
    @GetMapping
    List<CaseView> list(@RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) @Size(max = 10) String followUpDue,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        LocalDate due = null;
        if (followUpDue != null) {
            try {
                due = followUpDue.equals("today") ? storeProperties.today(clock) : LocalDate.parse(followUpDue);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("validation-failed", "Invalid request",
                        "followUpDue must be 'today' or a date like 2026-11-23.")
                        .with("errors", List.of(Map.of("field", "followUpDue", "message", "must be 'today' or a date")));
            }
        }
        if (inTraining()) {
            return training.list(CurrentUser.username(), status, due, limit);
        }
        return store.list(status == null ? null : status.name(), due, null, limit);
    }

    /** Response and resolution times of the cases opened from..to (store days; default: today). */
    @GetMapping("/figures")
    CaseFigures.Figures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = storeProperties.today(clock);
        LocalDate start = from != null ? from : today;
        LocalDate end = to != null ? to : today;
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("invalid-range", "Invalid date range", "'to' is before 'from'.");
        }
        return figures.of(start, end);
    }

    @GetMapping("/{caseNumber}")
    CaseView one(@PathVariable @Size(max = 100) String caseNumber) {
        if (trainingCase(caseNumber, false)) {
            return training.view(caseNumber);
        }
        return cases.view(caseNumber);
    }

    /** A note, once per Idempotency-Key: a repeat after a lost answer replays the first outcome. */
    @PostMapping("/{caseNumber}/notes")
    ResponseEntity<CaseView> note(@PathVariable @Size(max = 100) String caseNumber,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody CaseRequests.Note request) {
        String user = CurrentUser.username();
        var result = trainingCase(caseNumber, true)
                ? idempotency.execute("training-case-note", key, new Object[] {caseNumber, user, request},
                        CaseView.class, () -> training.note(caseNumber, request, user))
                : idempotency.execute("case-note", key, new Object[] {caseNumber, user, request}, CaseView.class,
                () -> cases.note(caseNumber, request, user));
        return ResponseEntity.status(HttpStatus.CREATED).body(result.body());
    }

    /** An escalation, once per Idempotency-Key: a repeat after a lost answer replays the first outcome. */
    @PostMapping("/{caseNumber}/escalate")
    CaseView escalate(@PathVariable @Size(max = 100) String caseNumber,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody CaseRequests.Escalate request) {
        String user = CurrentUser.username();
        if (trainingCase(caseNumber, true)) {
            return idempotency.execute("training-case-escalate", key, new Object[] {caseNumber, user, request},
                    CaseView.class, () -> training.escalate(caseNumber, request, user)).body();
        }
        return idempotency.execute("case-escalate", key, new Object[] {caseNumber, user, request}, CaseView.class,
                () -> cases.escalate(caseNumber, request, user)).body();
    }

    /** A follow-up date, once per Idempotency-Key, as an escalation. */
    @PostMapping("/{caseNumber}/follow-up")
    CaseView followUp(@PathVariable @Size(max = 100) String caseNumber,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody CaseRequests.FollowUp request) {
        String user = CurrentUser.username();
        if (trainingCase(caseNumber, true)) {
            return idempotency.execute("training-case-follow-up", key, new Object[] {caseNumber, user, request},
                    CaseView.class, () -> training.followUp(caseNumber, request, user)).body();
        }
        return idempotency.execute("case-follow-up", key, new Object[] {caseNumber, user, request}, CaseView.class,
                () -> cases.followUp(caseNumber, request, user)).body();
    }

    /** Goodwill is issued at most once per Idempotency-Key. */
    @PostMapping("/{caseNumber}/resolve")
    ResponseEntity<CaseView> resolve(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @PathVariable @Size(max = 100) String caseNumber, @Valid @RequestBody CaseRequests.Resolve request) {
        String user = CurrentUser.username();
        var result = trainingCase(caseNumber, true)
                ? idempotency.execute("training-case-resolve", key, new Object[] {user, caseNumber, request},
                        CaseView.class, () -> training.resolve(caseNumber, request, user))
                : idempotency.execute("case-resolve", key, new Object[] {user, caseNumber, request}, CaseView.class,
                () -> cases.resolve(caseNumber, request, user));
        return result.ok();
    }

    @PostMapping("/{caseNumber}/close")
    CaseView close(@PathVariable @Size(max = 100) String caseNumber,
            @Valid @RequestBody(required = false) CaseRequests.Close request) {
        if (trainingCase(caseNumber, true)) {
            return training.close(caseNumber, request, CurrentUser.username());
        }
        return cases.close(caseNumber, request, CurrentUser.username());
    }

    private boolean inTraining() {
        return training.activeFor(CurrentUser.username(), CurrentUser.tokenRegister());
    }

    /** Whether the case is a training one, under {@link TrainingCaseService#trainingNumber}'s rule. */
    private boolean trainingCase(String caseNumber, boolean change) {
        return training.trainingNumber("Case", caseNumber, change, CurrentUser.username(), CurrentUser.tokenRegister());
    }
}
