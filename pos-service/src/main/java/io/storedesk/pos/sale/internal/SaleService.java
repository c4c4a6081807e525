package io.storedesk.pos.sale.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.CashPosting;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.drawer.PostingType;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.sale.BasketLine;
import io.storedesk.pos.sale.BasketPricer;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.SaleCompleted;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.Settlement;
import io.storedesk.pos.sale.TaxPolicy;
import io.storedesk.pos.sale.TenderType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes sales: prices the basket, settles the tenders, books cash into the drawer, takes the
 * register's next receipt number, stores the sale and journals it, all in one transaction under
 * the register's lock, at most once per Idempotency-Key.
 */
@Service
class SaleService implements Sales {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Catalog catalog;
    private final CashDrawers drawers;
    private final SaleRepository sales;
    private final RegisterCounters counters;
    private final RegisterLocks locks;
    private final Journal journal;
    private final Idempotency idempotency;
    private final ApplicationEventPublisher events;
    private final StoreProperties store;
    private final BasketPricer pricer;
    private final Clock clock;
    private final SaleTotals totals;
    private final Tendering tendering;
    private final ReturnedQuantities returned;

    SaleService(SaleTotals totals, Tendering tendering, ReturnedQuantities returned, Catalog catalog, CashDrawers drawers, SaleRepository sales, RegisterCounters counters,
            RegisterLocks locks, Journal journal, Idempotency idempotency, ApplicationEventPublisher events,
            StoreProperties store, Clock clock) {
        this.catalog = catalog;
        this.drawers = drawers;
        this.sales = sales;
        this.counters = counters;
        this.locks = locks;
        this.journal = journal;
        this.idempotency = idempotency;
        this.events = events;
        this.store = store;
        this.pricer = new BasketPricer(new TaxPolicy(store.pricesIncludeTax()));
        this.clock = clock;
        this.totals = totals;
        this.tendering = tendering;
        this.returned = returned;
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void recordReturn(String receiptNumber, int lineNo, int quantity) {
        returned.add(receiptNumber, lineNo, quantity);
    }

    @Override
    @Transactional(readOnly = true)
    public io.storedesk.pos.sale.DayTotals dayTotals(LocalDate date) {
        return totals.of(date);
    }

    PricedBasket quote(List<SaleRequests.Line> lines) {
        return pricer.price(resolve(lines), Map.of(), Money.zero(store.currency()));
    }

    /**
     * Under the register's lock: a repeat is answered from the stored result before anything
     * else; the basket and tenders are checked before any card is charged; cards are charged
     * outside the database transaction; if the sale then cannot be stored, or another request
     * with the same key won, the cards are reversed.
     */
    IdempotentResult<SaleView> complete(SaleRequests.Sale request, String idempotencyKey, String clerk) {
        DrawerInfo drawer = drawers.drawer(request.drawerId());
        Object fingerprint = new Object[] {clerk, request};
        return locks.withLock(drawer.registerId(), () -> {
            var earlier = idempotency.find("sale", idempotencyKey, fingerprint, SaleView.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            PricedBasket basket = quote(request.lines());
            Tendering.Plan plan = tendering.plan(basket.total(), request.tenders());
            List<Tendering.Approved> approved = tendering.charge(plan, drawer.registerId(),
                    idempotencyKey != null ? idempotencyKey : java.util.UUID.randomUUID().toString());
            try {
                IdempotentResult<SaleView> result = idempotency.executeAfterFind("sale", idempotencyKey, fingerprint,
                        SaleView.class, () -> record(drawer, clerk, basket, tendering.settle(basket.total(), plan, approved),
                                request.loyaltyCard()));
                if (result.replayed()) {
                    tendering.reverse(approved, "duplicate request");
                }
                return result;
            } catch (RuntimeException e) {
                tendering.reverse(approved, "sale not completed");
                throw e;
            }
        });
    }

    private SaleView record(DrawerInfo drawer, String clerk, PricedBasket basket, Settlement settlement,
            String loyaltyCard) {
        LocalDate businessDate = drawers.businessDate(drawer.drawerId());
        long seq = counters.next(drawer.registerId(), "RECEIPT");
        String receiptNumber = "%s-%s-%s-%06d".formatted(store.id(), drawer.registerId(), DAY.format(businessDate), seq);
        Money cashIn = settlement.tenders().stream().filter(t -> t.type() == TenderType.CASH)
                .map(t -> t.amount()).reduce(Money.zero(store.currency()), Money::plus);
        if (settlement.tenders().stream().anyMatch(t -> t.type() == TenderType.CASH)) {
            drawers.post(drawer.drawerId(), new CashPosting(PostingType.SALE, cashIn, receiptNumber, null, clerk));
        }
        settlement.tenders().stream().filter(t -> t.type() != TenderType.CASH).forEach(t ->
                drawers.recordTender(drawer.drawerId(), t.type().name(), t.amount(), receiptNumber, clerk));
        Instant now = clock.instant();
        Sale sale = Sale.complete(receiptNumber, store.id(), drawer.registerId(), seq, drawer.drawerId(),
                businessDate, clerk, now, basket, settlement, loyaltyCard);
        sales.save(sale);
        SaleView view = SaleViews.of(sale);
        totals.add(view, now);
        journal.append(drawer.registerId(), "SALE_COMPLETED", clerk, receiptNumber, journalPayload(view));
        events.publishEvent(new SaleCompleted(view.receiptNumber(), view.storeId(), view.registerId(), view.drawerId(),
                view.businessDate(), clerk, now, view.currency(), view.total(), view.taxTotal(), view.discountTotal(),
                view.cashRounding(), view.lines(), view.tenders(), view.loyaltyCard()));
        return view;
    }

    private List<BasketLine> resolve(List<SaleRequests.Line> lines) {
        List<BasketLine> basket = new ArrayList<>(lines.size());
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SaleRequests.Line l = lines.get(i);
            Optional<CatalogItem> item = catalog.find(l.sku());
            if (item.isEmpty()) {
                unknown.add(l.sku());
            } else {
                basket.add(new BasketLine(i + 1, item.get(), l.quantity()));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.rule("unknown-item", "Unknown item",
                    "No item with SKU or barcode %s.".formatted(String.join(", ", unknown))).with("unknown", unknown);
        }
        return basket;
    }

    private static Map<String, Object> journalPayload(SaleView view) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("receiptNumber", view.receiptNumber());
        payload.put("drawerId", view.drawerId());
        payload.put("businessDate", view.businessDate().toString());
        payload.put("currency", view.currency());
        payload.put("total", view.total());
        payload.put("taxTotal", view.taxTotal());
        payload.put("cashRounding", view.cashRounding());
        payload.put("change", view.change());
        payload.put("lines", view.lines().stream().map(l -> List.of(l.lineNo(), l.sku(), l.quantity(), l.net(),
                l.tax(), l.taxRate())).toList());
        payload.put("tenders", view.tenders().stream().map(t -> List.of(t.type(), t.amount())).toList());
        return payload;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SaleView> find(String receiptNumber) {
        return sales.findByReceiptNumber(receiptNumber).map(SaleViews::of);
    }

    @Transactional(readOnly = true)
    List<SaleViews.Summary> search(LocalDate from, LocalDate to, Money total, int limit) {
        return sales.search(from, to, total == null ? null : total.amount(), org.springframework.data.domain.Limit.of(limit))
                .stream().map(SaleViews::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SaleView> findByLoyaltyCard(String loyaltyCard, int limit) {
        return sales.findByLoyaltyCardOrderByCompletedAtDesc(loyaltyCard, org.springframework.data.domain.Limit.of(limit))
                .stream().map(SaleViews::of).toList();
    }

    /** Receipts paid by a card ending in {@code cardLast4} (masked PAN), optionally of one total. */
    @Transactional(readOnly = true)
    List<SaleViews.Summary> searchByCardLast4(LocalDate from, LocalDate to, Money total, String cardLast4, int limit) {
        return sales.searchByCard(from, to, total == null ? null : total.amount(), "%" + cardLast4,
                org.springframework.data.domain.Limit.of(limit)).stream().map(SaleViews::summary).toList();
    }

    /** Receipts of sales made with this loyalty card, optionally of one total. */
    @Transactional(readOnly = true)
    List<SaleViews.Summary> searchByLoyaltyCard(LocalDate from, LocalDate to, Money total, String loyaltyCard,
            int limit) {
        return sales.searchByLoyaltyCard(from, to, total == null ? null : total.amount(), loyaltyCard,
                org.springframework.data.domain.Limit.of(limit)).stream().map(SaleViews::summary).toList();
    }
}
