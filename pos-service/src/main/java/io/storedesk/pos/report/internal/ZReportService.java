package io.storedesk.pos.report.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.BusinessDays;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.report.Figures;
import io.storedesk.pos.report.ZReport;
import io.storedesk.pos.report.ZReportIssued;
import io.storedesk.pos.returns.Returns;
import io.storedesk.pos.sale.DayTotals;
import io.storedesk.pos.sale.ManualDiscountTotals;
import io.storedesk.pos.sale.SaleActivity;
import io.storedesk.pos.sale.Sales;
import io.storedesk.pos.sale.TaxExemptTotals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Closes a business day: every drawer counted and closed, the day marked closed, the Z report
 * computed once, numbered in sequence, stored and journaled, all in one transaction. The sale, returns
 * and drawer modules give their figures as money; the report writes them as strings once, here.
 */
@Service
class ZReportService {

    private final BusinessDays days;
    private final Sales sales;
    private final Returns returns;
    private final JdbcClient jdbc;
    private final Journal journal;
    private final JsonMapper json;
    private final StoreProperties store;
    private final Clock clock;
    private final ClerkDays clerkDays;
    private final ApplicationEventPublisher events;
    private final SaleActivity saleActivity;

    ZReportService(SaleActivity saleActivity, BusinessDays days, Sales sales, Returns returns, JdbcClient jdbc, Journal journal, JsonMapper json,
            StoreProperties store, Clock clock, ClerkDays clerkDays, ApplicationEventPublisher events) {
        this.saleActivity = saleActivity;
        this.clerkDays = clerkDays;
        this.events = events;
        this.days = days;
        this.sales = sales;
        this.returns = returns;
        this.jdbc = jdbc;
        this.journal = journal;
        this.json = json;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public ZReport closeDay(LocalDate date, String user) {
        List<BusinessDays.ClosedSession> drawers = days.close(date, user);
        DayTotals totals = sales.dayTotals(date);
        Sums day = new Sums(store.currency().getDefaultFractionDigits()); // written as the daily report writes them
        day.add(totals);
        Returns.DayReturns returned = returns.dayTotals(date);
        long zNumber = jdbc.sql("SELECT COALESCE(MAX(z_number), 0) + 1 FROM z_report").query(Long.class).single();
        Map<String, BigDecimal> variances = new TreeMap<>();
        drawers.forEach(d -> variances.merge(d.openedBy(), d.variance().amount(), BigDecimal::add));
        Map<String, String> variancesByUser = new LinkedHashMap<>();
        variances.forEach((u, v) -> variancesByUser.put(u, v.toPlainString()));
        OffsetDateTime closedAt = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        String net = totals.netSales().minus(returned.refunded()).toString();
        ZReport report = new ZReport(zNumber, store.id(), date, closedAt, user, totals.currency(), totals.salesCount(),
                totals.grossSales().toString(), totals.discounts().toString(), totals.netSales().toString(),
                returned.refunded().toString(), returned.count(), totals.voidTotal().toString(), totals.voidCount(),
                net, totals.taxTotal().toString(), totals.cashRounding().toString(), day.taxByRate(),
                Sums.strings(day.tenders, day), Sums.strings(day.departments, day),
                drawers.stream().map(ZReportService::drawer).toList(), variancesByUser,
                manualDiscounts(saleActivity.manualDiscounts(date, date)),
                taxExempt(saleActivity.taxExempt(date, date)),
                day.giftCardsSold());
        String payload = json.writeValueAsString(report);
        jdbc.sql("INSERT INTO z_report (z_number, business_date, closed_at, closed_by, payload) VALUES (?, ?, ?, ?, ?)")
                .params(zNumber, date, closedAt, user, payload).update();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("zNumber", zNumber);
        entry.put("businessDate", date.toString());
        entry.put("salesCount", totals.salesCount());
        entry.put("netSales", net);
        entry.put("returns", report.returns());
        entry.put("voids", report.voids());
        entry.put("voidsCount", totals.voidCount());
        entry.put("tenders", report.tenders());
        entry.put("manualDiscounts", report.manualDiscounts().amount());
        entry.put("taxExempt", report.taxExempt().net());
        entry.put("giftCardsSold", report.giftCardsSold().amount());
        journal.append(Journal.STORE_CHAIN, "Z_REPORT", user, "Z" + zNumber, entry);
        clerkDays.seal(date);
        events.publishEvent(new ZReportIssued(report));
        return report;
    }

    @Transactional(readOnly = true)
    public Optional<ZReport> find(LocalDate date) {
        return jdbc.sql("SELECT payload FROM z_report WHERE business_date = ?").param(date).query(String.class)
                .optional().map(p -> json.readValue(p, ZReport.class));
    }

    private static ZReport.Drawer drawer(BusinessDays.ClosedSession s) {
        Map<String, String> postings = new TreeMap<>();
        s.postingsByType().forEach((type, amount) -> postings.put(type, amount.toString()));
        return new ZReport.Drawer(s.drawerId(), s.sessionId(), s.openedBy(), s.closedBy(), string(s.openingFloat()),
                string(s.expectedCash()), string(s.countedCash()), string(s.variance()), s.result(), s.approvedBy(),
                postings);
    }

    /** An amount as the report writes it; none stays null. */
    private static String string(Money amount) {
        return amount == null ? null : amount.toString();
    }

    private static Figures.ManualDiscounts manualDiscounts(ManualDiscountTotals totals) {
        return new Figures.ManualDiscounts(totals.count(), totals.amount().toString(), counted(totals.byReason()),
                counted(totals.byClerk()));
    }

    private static Map<String, Figures.Counted> counted(Map<String, ManualDiscountTotals.Figures> figures) {
        Map<String, Figures.Counted> out = new LinkedHashMap<>();
        figures.forEach((k, f) -> out.put(k, new Figures.Counted(f.count(), f.amount().toString())));
        return out;
    }

    private static Figures.TaxExempt taxExempt(TaxExemptTotals totals) {
        Map<String, Figures.Exempt> byReason = new LinkedHashMap<>();
        totals.byReason().forEach((reason, f) ->
                byReason.put(reason, new Figures.Exempt(f.count(), f.net().toString())));
        return new Figures.TaxExempt(totals.count(), totals.net().toString(), byReason);
    }

    static ProblemException notClosed(LocalDate date) {
        return ProblemException.notFound("Z report", date.toString());
    }
}
