package io.storedesk.pos.returns.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Sales;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database half of a return, in the caller's transaction: counts the returned quantities on
 * the sold lines (refused atomically beyond what was sold), takes the register's next return
 * number, pays the cash out of the drawer (409 when it is not open), records the card refunds
 * against the drawer's tenders, stores the return, journals RETURN_COMPLETED on the register's
 * chain and publishes {@link ReturnCompleted}.
 */
@Component
class ReturnRecorder {

    private final Sales sales;
    private final CashDrawers drawers;
    private final ReturnNumbers numbers;
    private final ReturnStore store;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final StoreProperties storeProperties;
    private final Clock clock;

    ReturnRecorder(Sales sales, CashDrawers drawers, ReturnNumbers numbers, ReturnStore store, Journal journal,
            ApplicationEventPublisher events, StoreProperties storeProperties, Clock clock) {
        this.sales = sales;
        this.drawers = drawers;
        this.numbers = numbers;
        this.store = store;
        this.journal = journal;
        this.events = events;
        this.storeProperties = storeProperties;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    ReturnView record(UUID id, DrawerInfo drawer, SaleView sale, ReturnRequests.Return request, RefundPlan plan,
            List<CardRefund> cardRefunds, String clerk, String approvedBy) {
        plan.lines().forEach(l -> sales.recordReturn(sale.receiptNumber(), l.lineNo(), l.quantity()));
        long seq = numbers.next(drawer.registerId());
        String returnNumber = ReturnNumbers.format(storeProperties.id(), drawer.registerId(), seq);
        LocalDate businessDate = plan.cash().isPositive()
                ? drawers.post(drawer.drawerId(), new CashPosting(PostingType.REFUND, plan.cash().negate(), returnNumber,
                        "return of " + sale.receiptNumber(), clerk))
                : drawers.businessDate(drawer.drawerId());
        cardRefunds.forEach(r -> drawers.recordTender(drawer.drawerId(), "CARD", r.amount().negate(), returnNumber, clerk));

        List<ReturnView.Refund> refunds = new ArrayList<>();
        List<String> cardReferences = new ArrayList<>();
        List<String> originalReferences = new ArrayList<>();
        for (CardRefund r : cardRefunds) {
            refunds.add(new ReturnView.Refund("CARD", r.amount().toString(), r.maskedPan()));
            cardReferences.add(r.reference());
            originalReferences.add(r.originalReference());
        }
        if (plan.cash().isPositive()) {
            refunds.add(new ReturnView.Refund("CASH", plan.cash().toString(), null));
            cardReferences.add(null);
            originalReferences.add(null);
        }
        List<ReturnView.Line> lines = plan.lines().stream().map(l -> new ReturnView.Line(l.lineNo(), l.sku(),
                l.quantity(), l.reason().name(), l.restock(), l.refund().toString())).toList();
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        ReturnView view = new ReturnView(returnNumber, sale.receiptNumber(), drawer.registerId(), drawer.drawerId(),
                businessDate, now, clerk, approvedBy, sale.currency(), request.method().name(),
                plan.total().toString(), plan.cashRounding().toString(), List.copyOf(refunds), lines);
        store.insert(id, seq, storeProperties.id(), request.method().name(), view, cardReferences, originalReferences);
        journal.append(drawer.registerId(), "RETURN_COMPLETED", clerk, returnNumber, journalPayload(view));
        events.publishEvent(new ReturnCompleted(returnNumber, sale.receiptNumber(), drawer.registerId(),
                drawer.drawerId(), businessDate, clerk, sale.currency(), view.refundTotal(), view.cashRounding(),
                lines, view.refunds()));
        return view;
    }

    private static Map<String, Object> journalPayload(ReturnView v) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("returnNumber", v.returnNumber());
        payload.put("receiptNumber", v.receiptNumber());
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
        return payload;
    }
}
