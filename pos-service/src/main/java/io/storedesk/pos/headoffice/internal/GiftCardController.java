package io.storedesk.pos.headoffice.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.regex.Pattern;

import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.CardData;
import io.storedesk.pos.common.GiftCardNumbers;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.identity.CurrentUser;
import org.springframework.context.annotation.Profile;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gift cards at head office (issue 26, docs/head-office.md "Gift cards"): a store (its key) asks for an
 * operation on a card ({@code POST /api/ho/v1/gift-cards/{number}/operations}) or its balance
 * ({@code GET /api/ho/v1/gift-cards/{number}}); HEAD_OFFICE users read the balance and the report
 * ({@code GET /api/ho/v1/reports/gift-cards?from=&to=}).
 */
@RestController
@Profile("head-office")
class GiftCardController {

    private static final Pattern OP_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Pattern DOCUMENT = Pattern.compile("[\\x21-\\x7E]{1,64}");

    /** An operation as a store sends it; the card number is in the path. */
    record OperationRequest(String opId, String kind, String amount, String currency, String storeId, String document,
            String cancels) {
    }

    private final GiftCardBook book;
    private final Clock clock;
    private final StoreProperties store;

    GiftCardController(GiftCardBook book, Clock clock, StoreProperties store) {
        this.book = book;
        this.clock = clock;
        this.store = store;
    }

    @PostMapping("/api/ho/v1/gift-cards/{number}/operations")
    GiftCardBook.Outcome operate(@CardData @PathVariable String number, @RequestBody OperationRequest request) {
        GiftCardNumbers.require(number, "number");
        if (request == null) {
            throw ProblemException.invalidField("body", "is required");
        }
        if (request.opId() == null || !OP_ID.matcher(request.opId()).matches()) {
            throw ProblemException.invalidField("opId", "must be 8 to 64 letters, digits or . _ : -");
        }
        if (request.kind() == null || !GiftCardBook.KINDS.contains(request.kind())) {
            throw ProblemException.invalidField("kind", "must be one of " + String.join(", ", GiftCardBook.KINDS));
        }
        String storeId = CurrentUser.storeId();
        if (storeId == null || !storeId.equals(request.storeId())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "store-mismatch", "Store mismatch",
                    "A store may only operate on gift cards under its own id.");
        }
        if (request.document() != null && !DOCUMENT.matcher(request.document()).matches()) {
            throw ProblemException.invalidField("document", "must be 1 to 64 visible characters");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(request.currency() == null ? "" : request.currency());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("currency", "must be an ISO 4217 currency code");
        }
        BigDecimal amount = BigDecimal.ZERO;
        String cancels = null;
        if (request.kind().equals("CANCEL")) {
            if (request.cancels() == null || !OP_ID.matcher(request.cancels()).matches()) {
                throw ProblemException.invalidField("cancels", "must name the op id of the operation to cancel");
            }
            cancels = request.cancels();
        } else {
            amount = Amounts.parse(request.amount(), currency, "amount").amount();
            if (amount.signum() <= 0) {
                throw ProblemException.invalidField("amount", "must be more than zero");
            }
        }
        return book.apply(new GiftCardBook.Op(request.opId(), number, request.kind(), amount,
                currency.getCurrencyCode(), storeId, request.document(), cancels, false, clock.instant()));
    }

    @GetMapping("/api/ho/v1/gift-cards/{number}")
    GiftCardBook.Card card(@CardData @PathVariable String number) {
        return book.find(GiftCardNumbers.require(number, "number"));
    }

    @GetMapping("/api/ho/v1/reports/gift-cards")
    Map<String, Object> report(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return book.report(from, to, store.zone(), clock.instant());
    }
}
