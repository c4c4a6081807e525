package io.storedesk.pos.cases.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.report.spi.ReportSection;
import io.storedesk.pos.specialorder.SpecialOrders;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The "serviceCases" section of the store report (store days, store time zone): cases opened and
 * resolved, the median time to resolve of the cases resolved, the escalation rate (cases opened in
 * the period that were escalated / cases opened, four decimals, null without cases), the active
 * cases whose follow-up is overdue now (due before today); and special orders placed, picked up
 * and cancelled, with the deposits held now for orders not yet picked up or cancelled (as the
 * special order module counts them, {@link SpecialOrders#figures}).
 */
@Component
@Order(30)
class CustomerCareReportSection implements ReportSection {

    private final JdbcClient jdbc;
    private final SpecialOrders specialOrders;
    private final StoreProperties store;
    private final Clock clock;

    CustomerCareReportSection(JdbcClient jdbc, SpecialOrders specialOrders, StoreProperties store, Clock clock) {
        this.jdbc = jdbc;
        this.specialOrders = specialOrders;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "serviceCases";
    }

    @Override
    public String title(Words words) {
        return words.text("serviceCases.title");
    }

    @Override
    public Content contribute(LocalDate from, LocalDate to, Words words) {
        OffsetDateTime start = store.startOf(from);
        OffsetDateTime end = store.startOf(to.plusDays(1));
        long opened = count("SELECT COUNT(*) FROM service_case WHERE opened_at >= ? AND opened_at < ?", start, end);
        long escalated = count("SELECT COUNT(*) FROM service_case c WHERE c.opened_at >= ? AND c.opened_at < ? "
                + "AND EXISTS (SELECT 1 FROM service_case_event e WHERE e.case_id = c.id AND e.type = 'ESCALATED')",
                start, end);
        List<Duration> resolution = jdbc.sql("SELECT opened_at, resolved_at FROM service_case "
                        + "WHERE resolved_at >= ? AND resolved_at < ?")
                .params(start, end)
                .query((rs, n) -> Duration.between(CaseStore.time(rs, 1), CaseStore.time(rs, 2)))
                .list();
        String median = CaseFigures.stats(resolution).median();
        String rate = opened == 0 ? null
                : BigDecimal.valueOf(escalated).divide(BigDecimal.valueOf(opened), 4, RoundingMode.HALF_UP).toPlainString();
        long overdue = count("SELECT COUNT(*) FROM service_case WHERE status IN ('OPEN', 'IN_PROGRESS', 'ESCALATED') "
                + "AND follow_up_due < ?", store.today(clock));

        SpecialOrders.Figures figures = specialOrders.figures(start, end);
        long placed = figures.placed();
        long pickedUp = figures.pickedUp();
        long cancelled = figures.cancelled();
        String deposits = figures.depositsHeld().setScale(store.currency().getDefaultFractionDigits(),
                RoundingMode.HALF_UP).toPlainString();

        Map<String, Object> cases = new LinkedHashMap<>();
        cases.put("opened", opened);
        cases.put("resolved", (long) resolution.size());
        cases.put("medianTimeToResolve", median);
        cases.put("escalated", escalated);
        cases.put("escalationRate", rate);
        cases.put("followUpsOverdue", overdue);
        Map<String, Object> data = new LinkedHashMap<>(cases);
        Map<String, Object> orders = new LinkedHashMap<>();
        orders.put("placed", placed);
        orders.put("pickedUp", pickedUp);
        orders.put("cancelled", cancelled);
        orders.put("openDeposits", figures.openDeposits());
        orders.put("depositsHeld", deposits);
        data.put("specialOrders", orders);

        List<Row> rows = new ArrayList<>(Row.of("cases", cases));
        rows.addAll(Row.of("specialOrders", orders));

        List<String> lines = new ArrayList<>();
        lines.add(words.text("serviceCases.cases", opened, resolution.size(), escalated));
        lines.add(words.text("serviceCases.median", words.duration(median == null ? null : Duration.parse(median))));
        lines.add(words.text("serviceCases.escalationRate", words.percent(rate)));
        lines.add(words.text("serviceCases.overdue", overdue));
        lines.add(words.text("serviceCases.orders", placed, pickedUp, cancelled));
        lines.add(words.text("serviceCases.deposits", figures.openDeposits(), words.money(deposits)));
        return new Content(data, rows, lines);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
