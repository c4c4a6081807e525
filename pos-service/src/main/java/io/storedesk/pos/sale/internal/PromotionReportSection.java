package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.report.spi.ReportSection;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The "promotions" section of the store report: per promotion code, the sales it applied to and
 * the discount it gave over the business days, and the total cost. Post-voided sales are left out,
 * as in every sales figure of the report. It lives in the sale module, which owns the sales and the
 * promotions applied to them ({@code sale_promotion}); the promotion module knows nothing of sales.
 */
@Component
@Order(10)
class PromotionReportSection implements ReportSection {

    private final JdbcClient jdbc;
    private final StoreProperties store;

    PromotionReportSection(JdbcClient jdbc, StoreProperties store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public String name() {
        return "promotions";
    }

    @Override
    public String title(Words words) {
        return words.text("promotions.title");
    }

    private record Figures(String code, long sales, BigDecimal discount) {
    }

    @Override
    public Content contribute(LocalDate from, LocalDate to, Words words) {
        int scale = store.currency().getDefaultFractionDigits();
        List<Figures> figures = jdbc.sql("SELECT p.code, COUNT(DISTINCT p.receipt_number), SUM(p.amount) "
                        + "FROM sale_promotion p JOIN sale s ON s.receipt_number = p.receipt_number "
                        + "WHERE s.business_date >= ? AND s.business_date <= ? "
                        + "AND NOT EXISTS (SELECT 1 FROM sale_void v WHERE v.receipt_number = s.receipt_number) "
                        + "GROUP BY p.code ORDER BY p.code")
                .params(from, to)
                .query((rs, n) -> new Figures(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3).abs()))
                .list();
        long salesWithPromotions = jdbc.sql("SELECT COUNT(DISTINCT p.receipt_number) "
                        + "FROM sale_promotion p JOIN sale s ON s.receipt_number = p.receipt_number "
                        + "WHERE s.business_date >= ? AND s.business_date <= ? "
                        + "AND NOT EXISTS (SELECT 1 FROM sale_void v WHERE v.receipt_number = s.receipt_number)")
                .params(from, to).query(Long.class).single();
        Map<String, Object> byCode = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        BigDecimal cost = BigDecimal.ZERO;
        for (Figures f : figures) {
            String discount = f.discount().setScale(scale, RoundingMode.HALF_UP).toPlainString();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("sales", f.sales());
            one.put("discount", discount);
            byCode.put(f.code(), one);
            rows.addAll(Row.of(f.code(), one));
            lines.add(words.text("promotions.code", f.code(), f.sales(), words.money(discount)));
            cost = cost.add(f.discount());
        }
        String total = cost.setScale(scale, RoundingMode.HALF_UP).toPlainString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("byCode", byCode);
        data.put("salesWithPromotions", salesWithPromotions);
        data.put("cost", total);
        rows.add(new Row("", "salesWithPromotions", Long.toString(salesWithPromotions)));
        rows.add(new Row("", "cost", total));
        lines.add(words.text("promotions.salesWith", salesWithPromotions));
        lines.add(words.text("promotions.cost", words.money(total)));
        return new Content(data, rows, lines);
    }
}
