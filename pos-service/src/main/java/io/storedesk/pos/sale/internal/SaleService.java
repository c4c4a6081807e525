package io.storedesk.pos.sale.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sale.AppliedTender;
import io.storedesk.pos.sale.DayTotals;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.SaleStatus;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Sales;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sale module's API for other modules ({@link Sales}): reads sales, locks one for a change, counts returns,
 * and hands completing, pricing and training to the services that do them ({@link SaleCompletion},
 * {@link SalePricing}, {@link TrainingSales}; post-voids are {@link PostVoids}.
 */
@Service
class SaleService implements Sales {

    private final SaleRepository sales;
    private final SaleVoids voids;
    private final SaleTotals totals;
    private final SoldPrices soldPrices;
    private final StoreProperties store;
    private final SalePricing pricing;
    private final SaleCompletion completion;
    private final TrainingSales training;

    SaleService(SaleRepository sales, SaleVoids voids, SaleTotals totals, SoldPrices soldPrices, StoreProperties store, SalePricing pricing,
            SaleCompletion completion, TrainingSales training) {
        this.sales = sales;
        this.voids = voids;
        this.totals = totals;
        this.soldPrices = soldPrices;
        this.store = store;
        this.pricing = pricing;
        this.completion = completion;
        this.training = training;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordReturn(String receiptNumber, List<ReturnedLine> lines) {
        // lock 4 (docs/locking.md); the caller took it already, this only makes sure, and loads the sale under it
        Sale sale = sales.lockAndLoad(receiptNumber);
        if (voids.isVoided(receiptNumber)) {
            throw ProblemException.rule("sale-voided", "Sale voided",
                    "Sale %s was voided; there is nothing to return.".formatted(receiptNumber));
        }
        for (ReturnedLine l : lines) {
            sale.recordReturn(l.lineNo(), l.quantity());
            sales.storeReturn(sale, l.lineNo(), l.quantity());
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public SaleView lockForChange(String receiptNumber) {
        sales.lock(receiptNumber); // lock 4 (docs/locking.md)
        return find(receiptNumber).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public DayTotals dayTotals(LocalDate date) {
        return totals.of(date);
    }

    @Override
    public PricedBasket priceInTraining(SaleOrder.Exchange order, String clerk) {
        return training.price(order, clerk);
    }

    @Override
    public <R> IdempotentResult<R> completeExchange(Runnable lockOriginal, SaleOrder.Exchange order,
            AppliedTender credit, String idempotencyKey, Object fingerprint, String clerk, Class<R> resultType,
            Function<SaleView, R> alsoRecord) {
        return completion.completeExchange(lockOriginal, order, credit, idempotencyKey, fingerprint, clerk, resultType,
                alsoRecord);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SaleView> find(String receiptNumber) {
        return sales.find(receiptNumber).map(SaleViews::of)
                .map(v -> voids.isVoided(v.receiptNumber()) ? v.withStatus(SaleStatus.VOIDED) : v);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Money> lowestUnitPaid(String sku, LocalDate since) {
        return soldPrices.lowestUnitPaid(sku, since, store.currency());
    }

    @Override
    public Money quoteTotal(List<SaleOrder.Line> lines, String loyaltyCard, List<String> coupons,
            SaleOrder.Discount discount) {
        return pricing.quote(lines, loyaltyCard, coupons, discount).total();
    }

    @Transactional(readOnly = true)
    List<SaleViews.Summary> search(LocalDate from, LocalDate to, Money total, int limit) {
        return sales.search(from, to, total == null ? null : total.amount(), limit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SaleView> findByLoyaltyCard(String loyaltyCard, int limit) {
        return sales.findByLoyaltyCard(loyaltyCard, limit).stream().map(SaleViews::of).toList();
    }

    /** Receipts paid by a card ending in {@code cardLast4} (masked PAN), optionally of one total. */
    @Transactional(readOnly = true)
    List<SaleViews.Summary> searchByCardLast4(LocalDate from, LocalDate to, Money total, String cardLast4, int limit) {
        return sales.searchByCard(from, to, total == null ? null : total.amount(), "%" + cardLast4, limit);
    }

    /** Receipts of sales made with this loyalty card, optionally of one total. */
    @Transactional(readOnly = true)
    List<SaleViews.Summary> searchByLoyaltyCard(LocalDate from, LocalDate to, Money total, String loyaltyCard,
            int limit) {
        return sales.searchByLoyaltyCard(from, to, total == null ? null : total.amount(), loyaltyCard, limit);
    }

}
