package io.storedesk.pos.returns.internal;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.returns.StoreCredits;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Store-credit balances, for the clerk to tell the customer what is left on a code. */
@RestController
@RequestMapping("/api/v1/store-credits")
class StoreCreditController {

    private final StoreCredits credits;

    StoreCreditController(StoreCredits credits) {
        this.credits = credits;
    }

    @GetMapping("/{code}")
    StoreCredits.StoreCredit one(@PathVariable @Size(max = 40) String code) {
        return credits.find(code).orElseThrow(() -> ProblemException.notFound("Store credit", code));
    }
}
