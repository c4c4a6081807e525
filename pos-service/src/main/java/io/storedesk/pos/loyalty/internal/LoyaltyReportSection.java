package io.storedesk.pos.loyalty.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.loyalty.LoyaltyProperties;
import io.storedesk.pos.report.spi.ReportSection;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The "loyalty" section of the store report: points issued, redeemed, taken back, given back and
 * expired in the business days (ledger entries by when they happened, store time zone; all as
 * positive numbers), and the outstanding liability now: every account's balance (snapshot plus
 * the entries not in it) summed, and its money value at the configured point value.
 */
@Component
@Order(20)
class LoyaltyReportSection implements ReportSection {

    private static final Map<EntryType, String> FIELDS = new EnumMap<>(Map.of(
            EntryType.EARN, "issued", EntryType.REDEEM, "redeemed", EntryType.EARN_REVERSED, "reversed",
            EntryType.REDEEM_RETURNED, "givenBack", EntryType.EXPIRE, "expired"));

    private final JdbcClient jdbc;
    private final StoreProperties store;
    private final LoyaltyProperties programme;

    LoyaltyReportSection(JdbcClient jdbc, StoreProperties store, LoyaltyProperties programme) {
        this.jdbc = jdbc;
        this.store = store;
        this.programme = programme;
    }

    @Override
    public String name() {
        return "loyalty";
    }

    @Override
    public String title(Words words) {
        return words.text("loyalty.title");
    }

    @Override
    public Content contribute(LocalDate from, LocalDate to, Words words) {
        OffsetDateTime start = store.startOf(from);
        OffsetDateTime end = store.startOf(to.plusDays(1));
        Map<EntryType, Long> points = new EnumMap<>(EntryType.class);
        for (EntryType t : EntryType.values()) {
            points.put(t, 0L);
        }
        jdbc.sql("SELECT type, COALESCE(SUM(points), 0) FROM loyalty_entry "
                        + "WHERE occurred_at >= ? AND occurred_at < ? GROUP BY type")
                .params(start, end)
                .query((rs, n) -> Map.entry(EntryType.valueOf(rs.getString(1)), Math.abs(rs.getLong(2))))
                .list().forEach(e -> points.put(e.getKey(), e.getValue()));
        long outstanding = jdbc.sql("SELECT COALESCE(SUM(snapshot_balance), 0) FROM loyalty_account")
                .query(Long.class).single()
                + jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM loyalty_entry WHERE in_snapshot = FALSE")
                .query(Long.class).single();
        String liability = programme.pointValue().multiply(BigDecimal.valueOf(outstanding))
                .setScale(store.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP).toPlainString();

        Map<String, Object> moved = new LinkedHashMap<>();
        for (EntryType t : List.of(EntryType.EARN, EntryType.REDEEM, EntryType.EARN_REVERSED,
                EntryType.REDEEM_RETURNED, EntryType.EXPIRE)) {
            moved.put(FIELDS.get(t), points.get(t));
        }
        Map<String, Object> data = new LinkedHashMap<>(moved);
        List<Row> rows = new ArrayList<>(Row.of("points", moved));
        List<String> lines = new ArrayList<>();
        lines.add(words.text("loyalty.issued", points.get(EntryType.EARN), points.get(EntryType.REDEEM)));
        lines.add(words.text("loyalty.back", points.get(EntryType.EARN_REVERSED),
                points.get(EntryType.REDEEM_RETURNED), points.get(EntryType.EXPIRE)));
        data.put("outstandingPoints", outstanding);
        data.put("outstandingLiability", liability);
        rows.add(new Row("outstanding", "points", Long.toString(outstanding)));
        rows.add(new Row("outstanding", "liability", liability));
        lines.add(words.text("loyalty.outstanding", outstanding, words.money(liability),
                store.currency().getCurrencyCode()));
        return new Content(data, rows, lines);
    }
}
