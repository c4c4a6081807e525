package io.storedesk.pos.returns.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.CashPosting;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.drawer.PostingType;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.payment.CardRefund;
import io.storedesk.pos.returns.ReturnCompleted;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.returns.StoreCredits;
import io.storedesk.pos.sale.LedgerTender;
import io.storedesk.pos.sale.TenderType;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Sales;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database half of a return, in the caller's transaction: counts the returned quantities on
 * the sold lines (refused atomically beyond what was sold), takes the register's next return
 * number, pays the cash out of the drawer (409 when it is not open), gives store-kept tenders
 * back, issues a new store credit when that is the refund, records the non-cash refunds against
 * the drawer's tenders, stores the return, journals RETURN_COMPLETED on the register's chain and
 * publishes {@link ReturnCompleted}.
 */
@Component
class ReturnRecorder {

    /** A return to record; {@code sale} is null for a return without a receipt. */
    record Document(UUID id, DrawerInfo drawer, SaleView sale, ReturnRequests.RefundMethod method, RefundPlan plan,
            List<CardRefund> cardRefunds, String clerk, String approvedBy, String customerRef, String exchangeReceipt) {
    }

    private final Sales sales;
    private final CashDrawers drawers;
    private final ReturnNumbers numbers;
    private final ReturnStore store;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final StoreProperties storeProperties;
    private final StoreCredits credits;
    private final Map<TenderType, LedgerTender> ledgers = new EnumMap<>(TenderType.class);
    private final Clock clock;

    ReturnRecorder(Sales sales, CashDrawers drawers, ReturnNumbers numbers, ReturnStore store, Journal journal,
            ApplicationEventPublisher events, StoreProperties storeProperties, StoreCredits credits,
            List<LedgerTender> ledgers, Clock clock) {
        this.sales = sales;
        this.drawers = drawers;
        this.numbers = numbers;
        this.store = store;
        this.journal = journal;
        this.events = events;
        this.storeProperties = storeProperties;
        this.credits = credits;
        ledgers.forEach(l -> this.ledgers.put(l.type(), l));
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    ReturnView record(Document d) {
        RefundPlan plan = d.plan();
        drawers.holdDay(d.drawer().drawerId()); // locks 1 and 2 (docs/locking.md), first in the transaction
        String receiptNumber = d.sale() == null ? null : d.sale().receiptNumber();
        if (d.sale() != null) {
            sales.recordReturn(receiptNumber, plan.lines().stream()
                    .map(l -> new Sales.ReturnedLine(l.lineNo(), l.quantity())).toList());
        }
        String drawerId = d.drawer().drawerId();
        long seq = numbers.next(d.drawer().registerId());
        String returnNumber = ReturnNumbers.format(storeProperties.id(), d.drawer().registerId(), seq);
        String why = receiptNumber == null ? "return without receipt" : "return of " + receiptNumber;
        LocalDate businessDate = plan.cash().isPositive()
                ? drawers.post(drawerId, new CashPosting(PostingType.REFUND, plan.cash().negate(), returnNumber, why,
                        d.clerk()))
                : drawers.businessDate(drawerId);

        List<ReturnStore.StoredRefund> refunds = new ArrayList<>();
        for (CardRefund r : d.cardRefunds()) {
            drawers.recordTender(drawerId, "CARD", r.amount().negate(), returnNumber, d.clerk());
            refunds.add(new ReturnStore.StoredRefund(new ReturnView.Refund("CARD", r.amount().toString(), r.maskedPan(),
                    null), r.reference(), r.originalReference()));
        }
        for (RefundPlan.TenderPart part : plan.tenders()) {
            if (part.type() == TenderType.CARD) {
                continue;
            }
            LedgerTender books = ledgers.get(part.type());
            if (books == null) {
                throw new IllegalStateException("no books for " + part.type());
            }
            books.giveBack(part.reference(), part.amount(), returnNumber, d.clerk());
            drawers.recordTender(drawerId, part.type().name(), part.amount().negate(), returnNumber, d.clerk());
            refunds.add(new ReturnStore.StoredRefund(new ReturnView.Refund(part.type().name(), part.amount().toString(),
                    null, part.type() == TenderType.STORE_CREDIT ? part.reference() : null), null, part.reference()));
        }
        if (plan.storeCredit().isPositive()) {
            StoreCredits.StoreCredit issued = credits.issue(plan.storeCredit(), "RETURN", returnNumber, d.clerk());
            drawers.recordTender(drawerId, "STORE_CREDIT", plan.storeCredit().negate(), returnNumber, d.clerk());
            refunds.add(new ReturnStore.StoredRefund(new ReturnView.Refund("STORE_CREDIT", plan.storeCredit().toString(),
                    null, issued.code()), null, null));
        }
        if (plan.credit().isPositive()) {
            drawers.recordTender(drawerId, "EXCHANGE", plan.credit().negate(), returnNumber, d.clerk());
            refunds.add(new ReturnStore.StoredRefund(new ReturnView.Refund("EXCHANGE", plan.credit().toString(), null,
                    null), null, d.exchangeReceipt()));
        }
        if (plan.cash().isPositive()) {
            refunds.add(new ReturnStore.StoredRefund(new ReturnView.Refund("CASH", plan.cash().toString(), null, null),
                    null, null));
        }
        List<ReturnView.Line> lines = plan.lines().stream().map(l -> new ReturnView.Line(l.lineNo(), l.sku(),
                l.quantity(), l.reason().name(), l.restock(), l.refund().toString())).toList();
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        String currency = plan.cash().currency().getCurrencyCode();
        ReturnView view = new ReturnView(returnNumber, receiptNumber, d.drawer().registerId(), drawerId, businessDate,
                now, d.clerk(), d.approvedBy(), currency, d.method().name(), plan.total().toString(),
                plan.cashRounding().toString(), refunds.stream().map(ReturnStore.StoredRefund::view).toList(), lines,
                d.exchangeReceipt(), plan.pointsSpent().isPositive() ? plan.pointsSpent().negate().toString() : null);
        store.insert(d.id(), seq, storeProperties.id(), view, refunds, d.customerRef());
        journal.append(d.drawer().registerId(), "RETURN_COMPLETED", d.clerk(), returnNumber, journalPayload(view));
        events.publishEvent(new ReturnCompleted(returnNumber, receiptNumber, d.drawer().registerId(), drawerId,
                businessDate, d.clerk(), currency, view.refundTotal(), view.cashRounding(), lines, view.refunds(),
                plan.spentPoints(), view.pointsSpent()));
        return view;
    }

    private static Map<String, Object> journalPayload(ReturnView v) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("returnNumber", v.returnNumber());
        if (v.receiptNumber() != null) {
            payload.put("receiptNumber", v.receiptNumber());
        }
        if (v.exchangeReceipt() != null) {
            payload.put("exchangeReceipt", v.exchangeReceipt());
        }
        payload.put("drawerId", v.drawerId());
        payload.put("businessDate", v.businessDate().toString());
        payload.put("currency", v.currency());
        payload.put("refundMethod", v.refundMethod());
        payload.put("refundTotal", v.refundTotal());
        payload.put("cashRounding", v.cashRounding());
        if (v.approvedBy() != null) {
            payload.put("approvedBy", v.approvedBy());
        }
        payload.put("lines", v.lines().stream().map(l -> List.of(l.lineNo(), l.sku(), l.quantity(), l.reason(),
                l.restock(), l.refund())).toList());
        payload.put("refunds", v.refunds().stream().map(f -> List.of(f.type(), f.amount())).toList());
        if (v.pointsSpent() != null) {
            payload.put("pointsSpent", v.pointsSpent());
        }
        return payload;
    }
}
