package io.storedesk.pos.headoffice.internal;

import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.headoffice.HeadOfficeProperties;
import io.storedesk.pos.identity.CurrentUser;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/ho/v1/stores/{storeId}/events}: a store (signed in with its key) sends a batch
 * of its outbox; 200 {@code {received, applied, duplicates}}, or 400 and nothing applied.
 */
@RestController
@Profile("head-office")
class StoreEventController {

    private final EventIngest ingest;
    private final HeadOfficeProperties properties;

    StoreEventController(EventIngest ingest, HeadOfficeProperties properties) {
        this.ingest = ingest;
        this.properties = properties;
    }

    @PostMapping("/api/ho/v1/stores/{storeId}/events")
    Map<String, Integer> receive(@PathVariable String storeId, @RequestBody JsonNode body) {
        if (!storeId.equals(CurrentUser.storeId())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "store-mismatch", "Store mismatch",
                    "A store may only send events under its own id.");
        }
        List<StoreEvent> events = EventParser.parse(storeId, body, properties.maxBatch());
        EventIngest.Result r = ingest.apply(storeId, events);
        return Map.of("received", r.received(), "applied", r.applied(), "duplicates", r.duplicates());
    }
}
