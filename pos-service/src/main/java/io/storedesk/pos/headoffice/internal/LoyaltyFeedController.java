package io.storedesk.pos.headoffice.internal;

import java.time.Clock;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.CurrentUser;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The loyalty change feed stores pull ({@code GET /api/ho/v1/loyalty/accounts?cursor=&limit=}) and
 * one card online ({@code GET /api/ho/v1/loyalty/accounts/{card}}). A store (signed in with its key)
 * gets the accounts it follows (see {@link LoyaltyBook}); a HEAD_OFFICE user gets all of them.
 */
@RestController
@Profile("head-office")
class LoyaltyFeedController {

    static final int MAX_LIMIT = 1000;

    private final LoyaltyBook loyalty;
    private final Clock clock;

    LoyaltyFeedController(LoyaltyBook loyalty, Clock clock) {
        this.loyalty = loyalty;
        this.clock = clock;
    }

    /**
     * @param cursor where the last page ended (absent: from the beginning, a snapshot of every
     *               account the store follows); a {@code since} version of the old API is ignored,
     *               so a store still holding one starts over
     */
    @GetMapping("/api/ho/v1/loyalty/accounts")
    LoyaltyBook.Feed accounts(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("invalid-page", "Invalid page",
                    "limit must be between 1 and %d.".formatted(MAX_LIMIT));
        }
        LoyaltyBook.Cursor after = LoyaltyBook.Cursor.parse(cursor).orElseThrow(() -> ProblemException.badRequest(
                "invalid-cursor", "Invalid cursor", "cursor must be one that this feed handed out."));
        return loyalty.feed(CurrentUser.storeId(), after, limit);
    }

    @GetMapping("/api/ho/v1/loyalty/accounts/{card}")
    LoyaltyBook.Account account(@PathVariable String card) {
        return loyalty.find(card, CurrentUser.storeId(), clock.instant())
                .orElseThrow(() -> ProblemException.notFound("Loyalty account", card));
    }
}
