package io.storedesk.pos.cases.internal;

import java.security.SecureRandom;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.returns.StoreCredits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Gives goodwill at a case's resolution, in the resolution's transaction: a store credit issued
 * by the returns module (spent later as the STORE_CREDIT tender), or a coupon code kept with the
 * case for the promotion engine to honour on a future purchase.
 */
@Component
class GoodwillIssuer {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final ObjectProvider<StoreCredits> storeCredits;
    private final SecureRandom random = new SecureRandom();

    GoodwillIssuer(ObjectProvider<StoreCredits> storeCredits) {
        this.storeCredits = storeCredits;
    }

    /** @return the store credit's or the coupon's code */
    String issue(CaseRequests.GoodwillType type, Money amount, String caseNumber, String user) {
        return switch (type) {
            case STORE_CREDIT -> {
                StoreCredits credits = storeCredits.getIfAvailable();
                if (credits == null) {
                    throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "store-credit-unavailable",
                            "Store credit unavailable", "This service cannot issue store credit yet.");
                }
                yield credits.issue(amount, "GOODWILL", caseNumber, user).code();
            }
            case COUPON -> couponCode();
        };
    }

    private String couponCode() {
        StringBuilder code = new StringBuilder("GW-");
        for (int i = 0; i < 10; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
