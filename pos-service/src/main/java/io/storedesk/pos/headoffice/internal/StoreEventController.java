package io.storedesk.pos.headoffice.internal;

import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.ProblemTypes;
import io.storedesk.pos.headoffice.HeadOfficeProperties;
import io.storedesk.pos.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/ho/v1/stores/{storeId}/events}: a store (signed in with its key) sends a batch
 * of its outbox; 200 {@code {received, applied, duplicates}}, or 400 and nothing applied, or 429
 * {@code head-office-busy} with {@code Retry-After} (seconds) when this node already applies as many
 * batches as it takes at once ({@link BatchAdmission}) and nothing applied.
 */
@RestController
@Profile("head-office")
class StoreEventController {

    private final EventIngest ingest;
    private final HeadOfficeProperties properties;
    private final BatchAdmission admission;
    private final JsonMapper json;

    StoreEventController(EventIngest ingest, HeadOfficeProperties properties, BatchAdmission admission,
            JsonMapper json) {
        this.ingest = ingest;
        this.properties = properties;
        this.admission = admission;
        this.json = json;
    }

    /** The body as bytes: {@link EventParser} reads it once, as a stream, and keeps each payload's text as sent. */
    @PostMapping(path = "/api/ho/v1/stores/{storeId}/events",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    Map<String, Integer> receive(@PathVariable String storeId, @RequestBody byte[] body, HttpServletRequest request) {
        if (!storeId.equals(CurrentUser.storeId())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "store-mismatch", "Store mismatch",
                    "A store may only send events under its own id.");
        }
        List<StoreEvent> events;
        try {
            events = EventParser.parse(storeId, body, properties.maxBatch(), json);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e,
                    new ServletServerHttpRequest(request));
        }
        EventIngest.Result r = admission.admit(storeId, () -> ingest.apply(storeId, events));
        return Map.of("received", r.received(), "applied", r.applied(), "duplicates", r.duplicates());
    }

    @ExceptionHandler(BatchAdmission.Saturated.class)
    ResponseEntity<ProblemDetail> saturated(BatchAdmission.Saturated e) {
        long seconds = e.retryAfter().toSeconds();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Head office is applying as many batches as it takes at once; nothing of this batch was applied. "
                        + "Send it again after " + seconds + " s (Retry-After).");
        body.setType(ProblemTypes.uri("head-office-busy"));
        body.setTitle("Head office busy");
        body.setProperty("retryAfter", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
