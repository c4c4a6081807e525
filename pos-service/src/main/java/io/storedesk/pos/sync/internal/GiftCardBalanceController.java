package io.storedesk.pos.sync.internal;

import java.util.Map;

import io.storedesk.pos.common.CardData;
import io.storedesk.pos.sale.GiftCardAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/gift-cards/{number}}: a gift card's balance at the desk, asked of head office
 * online (the store keeps no balance of its own); the number answered masked. 404
 * {@code gift-card-unknown}, 503 {@code gift-card-offline} when head office cannot be reached.
 */
@RestController
class GiftCardBalanceController {

    private final GiftCardAuthority giftCards;

    GiftCardBalanceController(GiftCardAuthority giftCards) {
        this.giftCards = giftCards;
    }

    @GetMapping("/api/v1/gift-cards/{number}")
    Map<String, Object> balance(@CardData @PathVariable String number) {
        GiftCardAuthority.Balance b = giftCards.balance(number);
        return Map.of("number", b.maskedNumber(), "balance", b.balance().toString(),
                "currency", b.balance().currency().getCurrencyCode(), "status", b.status());
    }
}
