package io.storedesk.pos.returns.internal;

import io.storedesk.pos.common.ProblemException;
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

    ReturnController(ReturnService returns, ReturnStore store) {
        this.returns = returns;
        this.store = store;
    }

    @PostMapping
    ResponseEntity<ReturnView> complete(@RequestHeader(name = "Idempotency-Key", required = false) String key,
            @Valid @RequestBody ReturnRequests.Return request) {
        var result = returns.complete(request, key, CurrentUser.username());
        return result.created();
    }

    @GetMapping("/{returnNumber}")
    ReturnView one(@PathVariable @Size(max = 40) String returnNumber) {
        return store.find(returnNumber).orElseThrow(() -> ProblemException.notFound("Return", returnNumber));
    }
}
