package io.storedesk.pos.sale.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.sale.PointsAward;
import io.storedesk.pos.sale.SaleCompleted;
import io.storedesk.pos.sale.SaleStatus;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.SaleVoided;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a completed or voided sale writes in its own transaction, after the money has moved: the sale (or its
 * void), the day's totals, the journal and the event other modules listen to.
 */
@Component
class SaleBooks {

    private final SaleRepository sales;
    private final SaleVoids voids;
    private final SaleTotals totals;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<PointsAward> points;

    SaleBooks(SaleRepository sales, SaleVoids voids, SaleTotals totals, Journal journal, ApplicationEventPublisher events,
            ObjectProvider<PointsAward> points) {
        this.sales = sales;
        this.voids = voids;
        this.totals = totals;
        this.journal = journal;
        this.events = events;
        this.points = points;
    }

    /** Stores a new sale, with the loyalty points it earned when it has a loyalty card; its view. */
    @Transactional(propagation = Propagation.MANDATORY)
    SaleView store(Sale sale) {
        if (sale.loyaltyCard() != null) {
            points.ifAvailable(award -> sale.awardPoints(award.award(SaleViews.of(sale))));
        }
        sales.insert(sale);
        return SaleViews.of(sale);
    }

    /**
     * A stored sale counted: added to its day's totals, journaled ({@code ageCheck}: what the journal records of
     * the age check, never a date of birth; null = none needed) and announced.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void completed(Sale sale, SaleView view, Map<String, Object> ageCheck) {
        totals.add(sale);
        journal.append(view.registerId(), "SALE_COMPLETED", view.clerk(), view.receiptNumber(),
                journalPayload(view, ageCheck));
        events.publishEvent(new SaleCompleted(view.receiptNumber(), view.storeId(), view.registerId(), view.drawerId(),
                view.businessDate(), view.clerk(), sale.completedAt(), view.currency(), view.total(), view.taxTotal(),
                view.discountTotal(), view.cashRounding(), view.lines(), view.tenders(), view.loyaltyCard(),
                view.taxExemption(), view.discounts() == null ? List.of() : view.discounts()));
    }

    /**
     * Stores the void of a sale (fails on the primary key when it was voided already, rolling the whole void
     * back), takes the sale out of its day's totals, journals and announces it; the sale's view as VOIDED.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    SaleView voided(Sale sale, SaleVoid voided) {
        voids.insert(voided);
        totals.subtractVoided(sale);
        SaleView view = SaleViews.of(sale);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("receiptNumber", view.receiptNumber());
        payload.put("reason", voided.reason());
        payload.put("approvedBy", voided.approvedBy());
        payload.put("total", view.total());
        payload.put("cashBack", voided.cashBack().toString());
        payload.put("tenders", view.tenders().stream().map(t -> List.of(t.type(), t.amount())).toList());
        journal.append(view.registerId(), "SALE_VOIDED", voided.voidedBy(), view.receiptNumber(), payload);
        events.publishEvent(new SaleVoided(view.receiptNumber(), view.storeId(), view.registerId(), view.drawerId(),
                view.businessDate(), voided.voidedBy(), voided.approvedBy(), voided.reason(), voided.at(),
                view.currency(), view.total(), view.lines(), view.tenders(), view.loyaltyCard()));
        return view.withStatus(SaleStatus.VOIDED);
    }

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
}
