package io.storedesk.pos.sale;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Money;

/** The sale module's API for other modules. */
public interface Sales {

    Optional<SaleView> find(String receiptNumber);

    /** The completed sales of one business day, summed by tax rate, tender, department and hour. */
    DayTotals dayTotals(LocalDate date);

    /**
     * Takes lock 4 of docs/locking.md, the sale's row, until the caller's (mandatory) transaction
     * ends, and reads the sale as it stands under it (status VOIDED, returned quantities). A void,
     * return or exchange of the sale takes it, after the business-day and drawer locks
     * ({@link io.storedesk.pos.drawer.CashDrawers#holdDay}) and before anything else.
     *
     * @throws io.storedesk.pos.common.ProblemException 404 when there is no such sale
     */
    SaleView lockForChange(String receiptNumber);

    /**
     * Counts more units of sold lines as returned (the sale is loaded once for all of them), in the caller's (mandatory)
     * transaction, under the sale's lock ({@link #lockForChange}). Atomic: concurrent callers never
     * return more than was sold, and a voided sale takes no return (422 {@code sale-voided}).
     *
     * @throws io.storedesk.pos.common.ProblemException 422 {@code return-quantity-exceeded} naming the line
     *         and what is left, or {@code unknown-sale-line}
     */
    void recordReturn(String receiptNumber, List<ReturnedLine> lines);

    /** {@code quantity} units of the sold line {@code lineNo}, returned. */
    record ReturnedLine(int lineNo, int quantity) {
    }

    /** The sales made with this loyalty card, newest first, at most {@code limit}. */
    List<SaleView> findByLoyaltyCard(String loyaltyCard, int limit);

    /**
     * The lowest net price per unit the item sold at since {@code since} (voided sales aside),
     * for refunds without a receipt.
     */
    Optional<Money> lowestUnitPaid(String sku, LocalDate since);

    /** What the lines would cost now (after promotions), as a quote would show it. */
    default Money quoteTotal(List<SaleOrder.Line> lines, String loyaltyCard,
            List<String> coupons) {
        return quoteTotal(lines, loyaltyCard, coupons, null);
    }

    /** The same with a basket discount ({@code discount}, null = none), whether or not it needs an approval. */
    Money quoteTotal(List<SaleOrder.Line> lines, String loyaltyCard,
            List<String> coupons, SaleOrder.Discount discount);

    /**
     * Completes the new half of an exchange: a sale of the order's lines in which {@code credit}
     * (the returned goods' value, type EXCHANGE, at most the total) pays first and the order's
     * tenders pay the rest. {@code alsoRecord} runs in the sale's transaction after the sale is
     * stored (the return half) and its result is what the Idempotency-Key replays. Cards are
     * charged before, and reversed if the transaction fails.
     *
     * @param lockOriginal locks the document the new sale settles (the exchanged sale, lock 4; a special
     *        order, lock 3) in the sale's transaction, after the day and drawer locks and before the new
     *        sale takes its receipt number (lock 6), as docs/locking.md orders them; or null
     * @param fingerprint the request and its caller, to detect key reuse
     */
    <R> IdempotentResult<R> completeExchange(Runnable lockOriginal, SaleOrder.Exchange order,
            AppliedTender credit,
            String idempotencyKey, Object fingerprint, String clerk, Class<R> resultType,
            Function<SaleView, R> alsoRecord);

    /**
     * Prices the new goods of an exchange in training (ADR 0005) as a training sale is priced: promotions,
     * manual discounts with their approval, the age check; no loyalty card (training earns nothing). The
     * training till then settles it.
     *
     * @throws io.storedesk.pos.common.ProblemException as a sale would refuse the basket
     */
    PricedBasket priceInTraining(SaleOrder.Exchange order, String clerk);
}
