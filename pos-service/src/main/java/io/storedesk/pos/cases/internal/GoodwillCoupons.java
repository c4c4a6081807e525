package io.storedesk.pos.cases.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.promotion.CouponOffer;
import io.storedesk.pos.promotion.CouponSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goodwill coupons ({@code GW-...}, issued at a case's resolution) as the till sees them: the
 * amount off the basket, honoured once. The use is a row keyed by the code, written in the sale's
 * transaction, so two registers cannot both spend one coupon.
 */
@Component
class GoodwillCoupons implements CouponSource {

    private final JdbcClient jdbc;
    private final StoreProperties store;
    private final Clock clock;

    GoodwillCoupons(JdbcClient jdbc, StoreProperties store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<CouponOffer> find(String code) {
        if (code == null || !code.toUpperCase(Locale.ROOT).startsWith("GW-")) {
            return Optional.empty();
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        return jdbc.sql("SELECT c.goodwill_amount, c.case_number, u.receipt_number FROM service_case c "
                        + "LEFT JOIN goodwill_coupon_use u ON u.code = c.goodwill_code "
                        + "WHERE c.goodwill_code = ? AND c.goodwill_type = 'COUPON'")
                .param(normalized)
                .query((rs, n) -> new CouponOffer(normalized, "Goodwill coupon (" + rs.getString(2) + ")",
                        Money.rounded(rs.getBigDecimal(1), store.currency()), rs.getString(3)))
                .optional();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void redeem(String code, String receiptNumber) {
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        if (find(normalized).map(CouponOffer::used).orElse(true)) {
            throw alreadyUsed(normalized);
        }
        try {
            jdbc.sql("INSERT INTO goodwill_coupon_use (code, receipt_number, used_at) VALUES (?, ?, ?)")
                    .params(normalized, receiptNumber, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC))).update();
        } catch (DataIntegrityViolationException raced) {
            throw alreadyUsed(normalized);
        }
    }

    private static ProblemException alreadyUsed(String code) {
        return ProblemException.rule("coupon-already-used", "Coupon already used",
                "Coupon %s was already used; it is good for one purchase.".formatted(code)).with("coupon", code);
    }
}
