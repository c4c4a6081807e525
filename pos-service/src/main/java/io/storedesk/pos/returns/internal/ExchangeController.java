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

    ExchangeController(ExchangeService exchanges) {
        this.exchanges = exchanges;
    }

    @PostMapping
    ResponseEntity<ExchangeView> exchange(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody ExchangeRequest request) {
        var result = exchanges.exchange(request, key, CurrentUser.username());
        return result.created();
    }
}
