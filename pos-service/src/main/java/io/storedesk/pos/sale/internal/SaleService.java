package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.Compensated;
import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.RegisterCounters;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.CashPosting;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.drawer.PostingType;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.identity.ApprovalRequest;
import io.storedesk.pos.identity.ManagerApprovals;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.sale.AppliedTender;
import io.storedesk.pos.sale.BasketLine;
import io.storedesk.pos.sale.BasketPricer;
import io.storedesk.pos.sale.DayTotals;
import io.storedesk.pos.sale.PointsAward;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.PricedLine;
import io.storedesk.pos.sale.SaleCompleted;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.SaleVoided;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.Settlement;
import io.storedesk.pos.sale.TaxPolicy;
import io.storedesk.pos.sale.TenderRequest;
import io.storedesk.pos.sale.TenderType;
import io.storedesk.pos.sale.TrainingTill;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final SaleWriter writer;
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
    private final ManagerApprovals approvals;
    private final SaleVoids voids;
    private final SoldPrices soldPrices;
    private final TransactionTemplate readOnly;
    private final BasketPromotions promotions;
    private final ObjectProvider<PointsAward> points;
    private final SaleLock saleLock;
    private final DiscountPolicy discounts;
    private final AgeChecks ageChecks;
    private final TaxExemptions exemptions;
    private final GiftCardLines giftCardLines;

    SaleService(GiftCardLines giftCardLines, TaxExemptions exemptions, AgeChecks ageChecks, DiscountPolicy discounts, SaleLock saleLock, SaleWriter writer, SaleTotals totals, Tendering tendering, ReturnedQuantities returned, ManagerApprovals approvals,
            SaleVoids voids, SoldPrices soldPrices, BasketPromotions promotions,
            PlatformTransactionManager transactionManager, Catalog catalog, CashDrawers drawers, SaleRepository sales, RegisterCounters counters,
            RegisterLocks locks, Journal journal, Idempotency idempotency, ApplicationEventPublisher events,
            StoreProperties store, Clock clock, ObjectProvider<PointsAward> points) {
        this.ageChecks = ageChecks;
        this.giftCardLines = giftCardLines;
        this.exemptions = exemptions;
        this.discounts = discounts;
        this.points = points;
        this.saleLock = saleLock;
        this.writer = writer;
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
        this.approvals = approvals;
        this.voids = voids;
        this.soldPrices = soldPrices;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.promotions = promotions;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordReturn(String receiptNumber, int lineNo, int quantity) {
        saleLock.lock(receiptNumber); // lock 4 (docs/locking.md); the caller took it already, this only makes sure
        if (voids.isVoided(receiptNumber)) {
            throw ProblemException.rule("sale-voided", "Sale voided",
                    "Sale %s was voided; there is nothing to return.".formatted(receiptNumber));
        }
        returned.add(receiptNumber, lineNo, quantity);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public SaleView lockForChange(String receiptNumber) {
        saleLock.lock(receiptNumber); // lock 4 (docs/locking.md)
        return find(receiptNumber).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public DayTotals dayTotals(LocalDate date) {
        return totals.of(date);
    }

    /**
     * Prices the lines with the promotions they earn (422 {@code unknown-coupon} for a coupon no promotion takes),
     * then the price overrides and manual discounts of the lines and the sale ({@code discount}, may be null).
     */
    PricedBasket quote(List<SaleOrder.Line> lines, String loyaltyCard, List<String> coupons, SaleOrder.Discount discount) {
        List<BasketLine> goods = resolve(lines);
        List<PricedLine> gifts = giftCardLines(lines);
        if (gifts.isEmpty()) {
            return promotions.price(pricer, goods, loyaltyCard, coupons, discounts.read(lines, discount));
        }
        Money zero = Money.zero(store.currency());
        if (goods.isEmpty()) { // only gift cards: nothing a coupon or a discount could take from
            if (coupons != null && !coupons.isEmpty()) {
                throw ProblemException.invalidField("coupons", "cannot be used on gift cards alone");
            }
            if (discount != null) {
                throw ProblemException.invalidField("discount", "cannot be given on gift cards alone");
            }
            return PricedBasket.of(gifts, zero);
        }
        // the goods priced on their own: promotions, discounts and their thresholds never see a gift card
        PricedBasket priced = promotions.price(pricer, goods, loyaltyCard, coupons, discounts.read(lines, discount));
        List<PricedLine> all = new ArrayList<>(priced.lines());
        all.addAll(gifts);
        all.sort(Comparator.comparingInt(PricedLine::lineNo));
        return PricedBasket.of(all, zero).withPromotions(priced.promotions())
                .withManualDiscounts(priced.manualDiscounts());
    }

    /** The request's gift-card lines, priced (422 {@code gift-card-amount-out-of-range}). */
    private List<PricedLine> giftCardLines(List<SaleOrder.Line> lines) {
        List<PricedLine> gifts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).giftCard() != null) {
                gifts.add(giftCardLines.price(i + 1, i, lines.get(i).giftCard(), Money.zero(store.currency())));
            }
        }
        return gifts;
    }

    /**
     * The quoted basket sold tax-exempt (its chosen lines, or all) when {@code exemption} (already
     * {@link TaxExemptions#read read}) is not null; 422 {@code unknown-exempt-line} for a line it has not.
     */
    PricedBasket exempt(PricedBasket basket, SaleOrder.TaxExemption exemption) {
        return exemption == null ? basket : exemptions.exempt(basket, exemption);
    }

    /** Checks a tax exemption asked for (null: none). */
    SaleOrder.TaxExemption readExemption(SaleOrder.TaxExemption asked) {
        return exemptions.read(asked);
    }

    /** The age a customer must have reached to buy the quoted basket; 0 when nothing in it is restricted. */
    int minimumAge(PricedBasket basket) {
        return ageChecks.minimumAge(basket);
    }

    /** Why the quoted basket's manual discounts need a manager's approval (empty: they do not). */
    List<io.storedesk.pos.common.Sentences.Sentence> approvalNeeded(PricedBasket basket) {
        return discounts.needsApproval(basket);
    }

    /**
     * Under the register's lock: a repeat is answered from the stored result before anything
     * else; the basket and tenders are checked before any card is charged; cards are charged
     * outside the database transaction; if the sale then cannot be stored, or another request
     * with the same key won, the cards are reversed.
     */
    IdempotentResult<SaleView> complete(SaleRequests.Sale request, String idempotencyKey, String clerk) {
        SaleOrder.Exchange order = new SaleOrder.Exchange(request.drawerId(), request.lines(), request.loyaltyCard(),
                request.coupons(), request.tenders(), request.discount(), request.approval(), request.ageCheck(),
                request.taxExemption());
        return complete("sale", null, order, null, new Object[] {clerk, request}, idempotencyKey, clerk, SaleView.class,
                view -> view);
    }

    /**
     * A sale of a user or register in training (ADR 0005): priced, approved, exempted and age-checked as a
     * real one, then handed to the training till; nothing here takes a receipt number, a drawer, a ledger,
     * a card payment, the journal or an event.
     */
    IdempotentResult<SaleView> completeInTraining(TrainingTill till, DrawerInfo drawer,
            SaleRequests.Sale request, String idempotencyKey, String clerk) {
        // the real till's fingerprint of the request (without card data): the same key with another body is refused
        String fingerprint = idempotency.fingerprint(idempotencyKey, new Object[] {clerk, request});
        PricedBasket basket = trainingBasket(drawer, request.lines(), request.coupons(), request.discount(),
                request.taxExemption(), request.approval(), request.ageCheck(), clerk);
        return till.sell(drawer.registerId(), drawer.drawerId(), clerk, basket, request.tenders(), idempotencyKey,
                fingerprint);
    }

    @Override
    public PricedBasket priceInTraining(SaleOrder.Exchange order, String clerk) {
        return trainingBasket(drawers.drawer(order.drawerId()), order.lines(), order.coupons(), order.discount(),
                order.taxExemption(), order.approval(), order.ageCheck(), clerk);
    }

    /** A training basket is priced and checked as a real one (discount approval, exemption, age), without a card. */
    private PricedBasket trainingBasket(DrawerInfo drawer, List<SaleOrder.Line> lines, List<String> coupons,
            SaleOrder.Discount discount, SaleOrder.TaxExemption requested, ApprovalRequest approval,
            SaleOrder.AgeCheck ageCheck, String clerk) {
        SaleOrder.TaxExemption exemption = exemptions.read(requested);
        PricedBasket quoted = discounts.approve(quote(lines, null, coupons, discount), approval, clerk);
        PricedBasket basket = exempt(quoted, exemption);
        if (exemption != null) {
            exemptions.approve(exemption, approval, clerk);
        }
        int minimumAge = ageChecks.minimumAge(basket);
        if (minimumAge > 0) {
            ageChecks.require(minimumAge, ageCheck, drawers.businessDate(drawer.drawerId()), clerk);
        }
        return basket;
    }

    @Override
    public <R> IdempotentResult<R> completeExchange(Runnable lockOriginal, SaleOrder.Exchange order,
            AppliedTender credit, String idempotencyKey, Object fingerprint, String clerk, Class<R> resultType,
            Function<SaleView, R> alsoRecord) {
        return complete("exchange", lockOriginal, order, credit, fingerprint, idempotencyKey, clerk, resultType, alsoRecord);
    }

    private <R> IdempotentResult<R> complete(String scope, Runnable lockOriginal, SaleOrder.Exchange order, AppliedTender credit,
            Object fingerprint, String idempotencyKey, String clerk, Class<R> resultType, Function<SaleView, R> alsoRecord) {
        DrawerInfo drawer = drawers.drawerForOperation(order.drawerId());
        return locks.withLock(drawer.registerId(), () -> {
            var earlier = idempotency.find(scope, idempotencyKey, fingerprint, resultType);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            SaleOrder.TaxExemption exemption = exemptions.read(order.taxExemption());
            PricedBasket quoted = discounts.approve(quote(order.lines(), order.loyaltyCard(), order.coupons(),
                    order.discount()), order.approval(), clerk); // before any card is charged
            PricedBasket basket = exempt(quoted, exemption); // its line numbers checked before the approval
            TaxExemptionGranted granted = exemption == null ? null : new TaxExemptionGranted(exemption,
                    exemptions.approve(exemption, order.approval(), clerk), // so is the exemption's approval
                    quoted.taxTotal().minus(basket.taxTotal()), exemptions.exemptLines(quoted, exemption));
            int minimumAge = ageChecks.minimumAge(basket); // so is the age check, on the drawer's business day
            Map<String, Object> ageCheck = minimumAge == 0 ? null : ageChecks.require(minimumAge, order.ageCheck(),
                    drawers.businessDate(drawer.drawerId()), clerk);
            GiftCardLines.requireNotPaidByGiftCard(basket.lines(), order.tenders());
            List<Tendering.LedgerPart> credits = credit == null ? List.of()
                    : List.of(new Tendering.LedgerPart(new TenderRequest(credit.type(), credit.amount(),
                            credit.reference(), null, order.loyaltyCard()), credit.amount()));
            Tendering.Plan plan = tendering.plan(basket.total(), order.tenders() == null ? List.of() : order.tenders(),
                    order.loyaltyCard(), credits).withLoads(basket.lines());
            List<Tendering.Approved> approved = tendering.charge(plan, drawer.registerId(),
                    idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString());
            return Compensated.record("sale", reason -> tendering.reverse(approved, reason),
                    () -> idempotency.executeAfterFind(scope, idempotencyKey, fingerprint, resultType,
                            () -> alsoRecord.apply(record(lockOriginal, drawer, clerk, basket, plan, approved,
                                    order.loyaltyCard(), order.coupons(), ageCheck, granted))));
        });
    }

    private SaleView record(Runnable lockOriginal, DrawerInfo drawer, String clerk, PricedBasket basket,
            Tendering.Plan plan, List<Tendering.Approved> approved, String loyaltyCard, List<String> coupons,
            Map<String, Object> ageCheck, TaxExemptionGranted exemption) {
        LocalDate businessDate = drawers.holdDay(drawer.drawerId()); // locks 1 and 2 (docs/locking.md)
        if (lockOriginal != null) {
            lockOriginal.run(); // lock 3 or 4: what this sale settles, before this sale's number (lock 6)
        }
        long seq = counters.next(drawer.registerId(), "RECEIPT");
        String receiptNumber = "%s-%s-%s-%06d".formatted(store.id(), drawer.registerId(), DAY.format(businessDate), seq);
        promotions.redeemCoupons(coupons, receiptNumber);
        Settlement settlement = tendering.settle(basket.total(), plan, approved,
                tendering.redeem(plan, receiptNumber, clerk));
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
        approved.stream().filter(a -> a.loadLine() != null).forEach(a -> sale.giftCardDone(a.loadLine(),
                a.gift().opId(), a.gift().balanceAfter().amount()));
        if (exemption != null) {
            sale.exempt(exemption.exemption().reason(), exemption.exemption().document(), exemption.approvedBy(),
                    exemption.taxNotCharged().amount(), exemption.lineNos());
        }
        if (loyaltyCard != null) {
            points.ifAvailable(award -> sale.awardPoints(award.award(SaleViews.of(sale))));
        }
        writer.insert(sale);
        SaleView view = SaleViews.of(sale);
        tendering.confirm(approved); // the card approvals commit with the sale, or are reversed
        totals.add(view, now);
        journal.append(drawer.registerId(), "SALE_COMPLETED", clerk, receiptNumber, journalPayload(view, ageCheck));
        events.publishEvent(new SaleCompleted(view.receiptNumber(), view.storeId(), view.registerId(), view.drawerId(),
                view.businessDate(), clerk, now, view.currency(), view.total(), view.taxTotal(), view.discountTotal(),
                view.cashRounding(), view.lines(), view.tenders(), view.loyaltyCard(), view.taxExemption()));
        return view;
    }

    /**
     * Post-voids a sale of the current business day with a manager's approval. The checks are made
     * once before the approval is asked for (a quick answer), and again, deciding, in the void's
     * transaction under the business-day, drawer and sale locks (docs/locking.md), so a return or
     * exchange of the same sale racing the void either commits first (and the void is refused) or
     * sees the sale voided. In that transaction the card reversals are queued (the 0400s go out
     * after the commit, and are retried until acknowledged, across restarts), the cash goes back out
     * of the drawer, ledger tenders are given back, the void is stored, the day's totals lose the
     * sale and the void is journaled: all of it or none. The sale itself is never changed or
     * deleted; it shows as VOIDED. A sale with returns cannot be voided (return the rest instead).
     */
    IdempotentResult<SaleView> voidSale(String receiptNumber, SaleRequests.Void request, String idempotencyKey,
            String clerk) {
        Object fingerprint = new Object[] {clerk, receiptNumber, request};
        var earlier = idempotency.find("void", idempotencyKey, fingerprint, SaleView.class);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        SaleView found = readOnly.execute(s -> find(receiptNumber))
                .orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
        CurrentUser.requireRegister(found.registerId());
        requireVoidable(found, drawers.businessDate(found.drawerId()));
        String approvedBy = approvals.require(request.approval(), "post-void", clerk,
                "Voiding sale %s (%s %s) needs a manager's approval.".formatted(receiptNumber, found.total(),
                        found.currency())).manager();
        return idempotency.execute("void", idempotencyKey, fingerprint, SaleView.class, () -> {
            LocalDate current = drawers.holdDay(found.drawerId()); // locks 1 and 2 (docs/locking.md)
            SaleView sale = lockForChange(receiptNumber); // lock 4
            requireVoidable(sale, current);
            return recordVoid(sale, request.reason(), clerk, approvedBy);
        });
    }

    /**
     * Post-voids a training sale (ADR 0005, issue 24) by the real void's rules: the register's check, then, deciding,
     * under the training till's locks (its register's training counter, then the training sale's row), not voided,
     * of the current business day, no gift card, no returns, and a manager's approval. The training till keeps it;
     * nothing here touches a drawer, a ledger, a card payment, the day's totals, the journal or an event.
     */
    IdempotentResult<SaleView> voidInTraining(TrainingTill till, SaleView found, SaleRequests.Void request,
            String idempotencyKey, String clerk) {
        String receiptNumber = found.receiptNumber();
        String fingerprint = idempotency.fingerprint(idempotencyKey, new Object[] {clerk, receiptNumber, request});
        CurrentUser.requireRegister(found.registerId());
        return till.voidSale(receiptNumber, clerk, request.reason(),
                // the day the training till dates its documents by (it takes no drawer session)
                sale -> requireVoidable(sale, store.today(clock)),
                () -> approvals.require(request.approval(), "post-void", clerk,
                        "Voiding sale %s (%s %s) needs a manager's approval.".formatted(receiptNumber, found.total(),
                                found.currency())).manager(),
                idempotencyKey, fingerprint);
    }

    /**
     * Not voided yet, of the current business day ({@code current}: the business day, not the
     * calendar day: a shift that runs past midnight books to the date its drawer session opened on,
     * until that session is closed) and without returns.
     */
    private static void requireVoidable(SaleView sale, LocalDate current) {
        String receiptNumber = sale.receiptNumber();
        if (SaleView.VOIDED.equals(sale.status())) {
            throw ProblemException.conflict("sale-already-voided", "Sale already voided",
                    "Sale %s was already voided.".formatted(receiptNumber));
        }
        if (!sale.businessDate().equals(current)) {
            throw ProblemException.rule("void-not-same-day", "Not the same business day",
                    "Sale %s is of business day %s; only sales of the current business day (%s) can be voided. Take a return instead."
                            .formatted(receiptNumber, sale.businessDate(), current));
        }
        if (sale.lines().stream().anyMatch(l -> l.giftCard() != null)) {
            throw ProblemException.rule("gift-card-sale-not-voidable", "Gift card sold: no post-void",
                    "Sale %s sold or reloaded a gift card, which may already have been spent; it cannot be voided."
                            .formatted(receiptNumber));
        }
        if (sale.lines().stream().anyMatch(l -> l.returnedQuantity() > 0)) {
            throw ProblemException.rule("sale-has-returns", "Sale has returns",
                    "Goods of sale %s were already returned; it cannot be voided. Return the rest instead."
                            .formatted(receiptNumber));
        }
    }

    private SaleView recordVoid(SaleView sale, String reason, String clerk, String approvedBy) {
        Currency currency = Currency.getInstance(sale.currency());
        Money cash = Money.zero(currency);
        for (SaleView.Tender t : sale.tenders()) {
            Money amount = Money.of(new BigDecimal(t.amount()), currency);
            switch (TenderType.valueOf(t.type())) {
                case CASH -> cash = cash.plus(amount);
                case CARD -> {
                    tendering.reverseOnCommit(t.reference(), "post-void of " + sale.receiptNumber() + ": " + reason);
                    drawers.recordTender(sale.drawerId(), t.type(), amount.negate(), sale.receiptNumber(), clerk);
                }
                case STORE_CREDIT, LOYALTY_POINTS, GIFT_CARD -> { // a gift card: a REFUND op through the outbox
                    tendering.giveBack(TenderType.valueOf(t.type()), t.reference(), amount, "VOID " + sale.receiptNumber(),
                            clerk);
                    drawers.recordTender(sale.drawerId(), t.type(), amount.negate(), sale.receiptNumber(), clerk);
                }
                case EXCHANGE, DEPOSIT -> drawers.recordTender(sale.drawerId(), t.type(), amount.negate(), sale.receiptNumber(), clerk);
            }
        }
        if (cash.isPositive()) {
            drawers.post(sale.drawerId(), new CashPosting(PostingType.REFUND, cash.negate(), sale.receiptNumber(),
                    "void: " + reason, clerk));
        }
        Instant now = clock.instant();
        voids.insert(sale, clerk, approvedBy, reason, now, cash);
        totals.subtractVoided(sale);
        SaleView voided = sale.withStatus(SaleView.VOIDED);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("receiptNumber", sale.receiptNumber());
        payload.put("reason", reason);
        payload.put("approvedBy", approvedBy);
        payload.put("total", sale.total());
        payload.put("cashBack", cash.toString());
        payload.put("tenders", sale.tenders().stream().map(t -> List.of(t.type(), t.amount())).toList());
        journal.append(sale.registerId(), "SALE_VOIDED", clerk, sale.receiptNumber(), payload);
        events.publishEvent(new SaleVoided(sale.receiptNumber(), sale.storeId(), sale.registerId(), sale.drawerId(),
                sale.businessDate(), clerk, approvedBy, reason, now, sale.currency(), sale.total(), sale.lines(),
                sale.tenders(), sale.loyaltyCard()));
        return voided;
    }

    private List<BasketLine> resolve(List<SaleOrder.Line> lines) {
        List<BasketLine> basket = new ArrayList<>(lines.size());
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SaleOrder.Line l = lines.get(i);
            if (l.giftCard() != null) {
                continue; // priced by giftCardLines
            }
            Optional<CatalogItem> item = catalog.find(l.sku());
            if (item.isEmpty()) {
                unknown.add(l.sku());
            } else if (item.get().blocked()) {
                throw ProblemException.rule("item-blocked", "Item blocked",
                        "Item %s (%s) is blocked by head office and cannot be sold.".formatted(item.get().sku(),
                                item.get().name())).with("sku", item.get().sku()).with("name", item.get().name());
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

    /** {@code ageCheck}: what the journal records of the age check (never a date of birth); null = none needed. */
    private static Map<String, Object> journalPayload(SaleView view, Map<String, Object> ageCheck) {
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
        if (!view.promotions().isEmpty()) {
            payload.put("promotions", view.promotions().stream().map(p -> List.of(p.code(), p.amount())).toList());
        }
        if (!view.discounts().isEmpty()) {
            payload.put("discounts", view.discounts().stream().map(SaleViews::journalEntry).toList());
        }
        if (ageCheck != null) {
            payload.put("ageCheck", ageCheck);
        }
        if (view.taxExemption() != null) {
            Map<String, Object> exemption = new LinkedHashMap<>();
            exemption.put("reason", view.taxExemption().reason());
            exemption.put("document", view.taxExemption().document());
            exemption.put("approvedBy", view.taxExemption().approvedBy());
            exemption.put("taxNotCharged", view.taxExemption().taxNotCharged());
            exemption.put("lineNos", view.taxExemption().lineNos());
            exemption.put("net", view.taxExemption().net());
            payload.put("taxExemption", exemption);
        }
        return payload;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SaleView> find(String receiptNumber) {
        return sales.findByReceiptNumber(receiptNumber).map(SaleViews::of)
                .map(v -> voids.isVoided(v.receiptNumber()) ? v.withStatus(SaleView.VOIDED) : v);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Money> lowestUnitPaid(String sku, LocalDate since) {
        return soldPrices.lowestUnitPaid(sku, since, store.currency());
    }

    @Override
    public Money quoteTotal(List<SaleOrder.Line> lines, String loyaltyCard, List<String> coupons,
            SaleOrder.Discount discount) {
        return quote(lines, loyaltyCard, coupons, discount).total();
    }

    @Transactional(readOnly = true)
    List<SaleViews.Summary> search(LocalDate from, LocalDate to, Money total, int limit) {
        return sales.search(from, to, total == null ? null : total.amount(), Limit.of(limit))
                .stream().map(SaleViews::summary).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SaleView> findByLoyaltyCard(String loyaltyCard, int limit) {
        return sales.findByLoyaltyCardOrderByCompletedAtDesc(loyaltyCard, Limit.of(limit))
                .stream().map(SaleViews::of).toList();
    }

    /** Receipts paid by a card ending in {@code cardLast4} (masked PAN), optionally of one total. */
    @Transactional(readOnly = true)
    List<SaleViews.Summary> searchByCardLast4(LocalDate from, LocalDate to, Money total, String cardLast4, int limit) {
        return sales.searchByCard(from, to, total == null ? null : total.amount(), "%" + cardLast4,
                Limit.of(limit)).stream().map(SaleViews::summary).toList();
    }

    /** Receipts of sales made with this loyalty card, optionally of one total. */
    @Transactional(readOnly = true)
    List<SaleViews.Summary> searchByLoyaltyCard(LocalDate from, LocalDate to, Money total, String loyaltyCard,
            int limit) {
        return sales.searchByLoyaltyCard(from, to, total == null ? null : total.amount(), loyaltyCard,
                Limit.of(limit)).stream().map(SaleViews::summary).toList();
    }

    /**
     * A tax exemption as checked and approved, with the tax its lines would have charged without it and
     * the line numbers it covers.
     */
    private record TaxExemptionGranted(SaleOrder.TaxExemption exemption, String approvedBy, Money taxNotCharged,
            Set<Integer> lineNos) {
    }
}
