package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.sale.SaleStatus;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one owner of a sale's tables ({@code sale}, {@code sale_line}, {@code sale_tender}, {@code sale_promotion},
 * {@code sale_discount}), on one path: JDBC (ADR 0006). It inserts a new {@link Sale} with one statement per table
 * (its lines, tenders, promotions and discounts as batches) in the caller's transaction, loads a sale back into the
 * aggregate (its row, then one query per child table), takes lock 4 of docs/locking.md (the sale's row,
 * {@code SELECT ... FOR UPDATE}) and stores the one change a completed sale knows: returned quantities
 * ({@link Sale#recordReturn}). The search queries read the sale row only, as summaries.
 */
@Repository
class SaleRepository {

    private static final String SALE_COLUMNS = "id, receipt_number, store_id, register_id, register_seq, drawer_id, "
            + "business_date, clerk, completed_at, currency, subtotal, discount_total, tax_total, total, cash_rounding, "
            + "change_given, loyalty_card, points_earned, tax_exempt_reason, tax_exempt_document, "
            + "tax_exempt_approved_by, tax_not_charged";

    private static final String SUMMARY_COLUMNS = "s.receipt_number, s.business_date, s.completed_at, s.register_id, "
            + "s.clerk, s.currency, s.total";

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    SaleRepository(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** Stores a new sale; it is written once and never changed (returned quantities aside). */
    @Transactional(propagation = Propagation.MANDATORY)
    void insert(Sale s) {
        jdbc.update("INSERT INTO sale (id, receipt_number, store_id, register_id, register_seq, drawer_id, business_date, "
                        + "clerk, completed_at, currency, subtotal, discount_total, tax_total, total, cash_rounding, "
                        + "change_given, loyalty_card, points_earned, tax_exempt_reason, tax_exempt_document, tax_exempt_approved_by, "
                        + "tax_not_charged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.receiptNumber(), s.storeId(), s.registerId(), s.registerSeq(), s.drawerId(), s.businessDate(),
                s.clerk(), s.completedAt().atOffset(ZoneOffset.UTC), s.currency(), s.subtotal(), s.discountTotal(),
                s.taxTotal(), s.total(), s.cashRounding(), s.changeGiven(), s.loyaltyCard(), s.pointsEarned(),
                s.taxExemptReason(), s.taxExemptDocument(), s.taxExemptApprovedBy(), s.taxNotCharged());
        batch("INSERT INTO sale_line (sale_id, line_no, sku, name, department, quantity, unit_price, line_value, "
                + "discount, net, tax, tax_rate, tax_letter, tax_exempt, price_version, gift_card, gift_card_kind, "
                + "gift_card_op, gift_card_balance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.lines(),
                (ps, l) -> {
                    ps.setObject(1, s.id());
                    ps.setInt(2, l.lineNo);
                    ps.setString(3, l.sku);
                    ps.setString(4, l.name);
                    ps.setString(5, l.department);
                    ps.setInt(6, l.quantity);
                    ps.setBigDecimal(7, l.unitPrice);
                    ps.setBigDecimal(8, l.value);
                    ps.setBigDecimal(9, l.discount);
                    ps.setBigDecimal(10, l.net);
                    ps.setBigDecimal(11, l.tax);
                    ps.setBigDecimal(12, l.taxRate);
                    ps.setString(13, l.taxLetter);
                    ps.setBoolean(14, l.taxExempt);
                    ps.setObject(15, l.priceVersion, Types.BIGINT);
                    ps.setString(16, l.giftCard); // masked: the number is never stored
                    ps.setString(17, l.giftCardKind);
                    ps.setString(18, l.giftCardOp);
                    ps.setBigDecimal(19, l.giftCardBalance);
                });
        batch("INSERT INTO sale_tender (sale_id, tender_no, type, amount, tendered, reference, masked_pan, brand, "
                + "auth_code, rrn, balance_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.tenders(), (ps, t) -> {
                    ps.setObject(1, s.id());
                    ps.setInt(2, t.tenderNo);
                    ps.setString(3, t.type);
                    ps.setBigDecimal(4, t.amount);
                    ps.setObject(5, t.tendered, Types.NUMERIC);
                    ps.setString(6, t.reference);
                    ps.setString(7, t.maskedPan);
                    ps.setString(8, t.brand);
                    ps.setString(9, t.authCode);
                    ps.setString(10, t.rrn);
                    ps.setObject(11, t.balanceAfter, Types.NUMERIC);
                });
        batch("INSERT INTO sale_promotion (receipt_number, seq, code, description, amount) VALUES (?, ?, ?, ?, ?)",
                s.promotions(), (ps, p) -> {
                    ps.setString(1, s.receiptNumber());
                    ps.setInt(2, p.seq);
                    ps.setString(3, p.code);
                    ps.setString(4, p.description);
                    ps.setBigDecimal(5, p.amount);
                });
        batch("INSERT INTO sale_discount (receipt_number, seq, kind, line_no, reason, percent, amount, was_price, "
                + "approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s.discounts(), (ps, d) -> {
                    ps.setString(1, s.receiptNumber());
                    ps.setInt(2, d.seq);
                    ps.setString(3, d.kind);
                    ps.setInt(4, d.lineNo);
                    ps.setString(5, d.reason);
                    ps.setObject(6, d.percent, Types.NUMERIC);
                    ps.setBigDecimal(7, d.amount);
                    ps.setObject(8, d.wasPrice, Types.NUMERIC);
                    ps.setString(9, d.approvedBy);
                });
        s.markStored();
    }

    /** The sale with this receipt number, without a lock. */
    Optional<Sale> find(String receiptNumber) {
        return client.sql("SELECT " + SALE_COLUMNS + " FROM sale WHERE receipt_number = ?").param(receiptNumber)
                .query(SaleRepository::header).optional().map(this::withChildren);
    }

    /**
     * Lock 4 of docs/locking.md: the sale's row, {@code SELECT ... FOR UPDATE}, held until the caller's
     * transaction ends. A post-void, a return and an exchange of one sale each take it before they decide (voided?
     * returned quantities? refunds so far?), so one of two racing changes sees the other's outcome. 404 when there
     * is no such sale.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(String receiptNumber) {
        client.sql("SELECT id FROM sale WHERE receipt_number = ? FOR UPDATE").param(receiptNumber).query(Object.class)
                .optional().orElseThrow(() -> notFound(receiptNumber));
    }

    /** Lock 4 taken by loading the sale: its row {@code FOR UPDATE}, then its lines, tenders and discounts. */
    @Transactional(propagation = Propagation.MANDATORY)
    Sale lockAndLoad(String receiptNumber) {
        return client.sql("SELECT " + SALE_COLUMNS + " FROM sale WHERE receipt_number = ? FOR UPDATE")
                .param(receiptNumber).query(SaleRepository::header).optional().map(this::withChildren)
                .orElseThrow(() -> notFound(receiptNumber));
    }

    /**
     * Stores a return counted by {@link Sale#recordReturn} (under lock 4). The WHERE clause repeats the rule as a
     * second fence, and the table's CHECK constraint is the last one: neither can fire while the lock is held.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void storeReturn(Sale sale, int lineNo, int quantity) {
        int updated = client.sql("UPDATE sale_line SET returned_quantity = returned_quantity + ? "
                        + "WHERE sale_id = ? AND line_no = ? AND returned_quantity + ? <= quantity")
                .params(quantity, sale.id(), lineNo, quantity).update();
        if (updated != 1) {
            throw new IllegalStateException("line %d of %s changed under its lock".formatted(lineNo,
                    sale.receiptNumber()));
        }
    }

    /** The newest sales of a loyalty card, whole. */
    List<Sale> findByLoyaltyCard(String loyaltyCard, int limit) {
        return client.sql("SELECT " + SALE_COLUMNS + " FROM sale WHERE loyalty_card = ? ORDER BY completed_at DESC "
                        + "LIMIT ?").params(loyaltyCard, limit).query(SaleRepository::header).list()
                .stream().map(this::withChildren).toList();
    }

    /** Sales of the business days {@code from}..{@code to}, newest first, optionally of one total. */
    List<SaleViews.Summary> search(LocalDate from, LocalDate to, BigDecimal total, int limit) {
        return summaries("", from, to, total, null, limit);
    }

    /** The same, of sales with a card tender whose masked PAN is like {@code panPattern}. */
    List<SaleViews.Summary> searchByCard(LocalDate from, LocalDate to, BigDecimal total, String panPattern, int limit) {
        return summaries(" AND EXISTS (SELECT 1 FROM sale_tender t WHERE t.sale_id = s.id AND t.masked_pan LIKE ?)",
                from, to, total, panPattern, limit);
    }

    /** The same, of sales made with this loyalty card. */
    List<SaleViews.Summary> searchByLoyaltyCard(LocalDate from, LocalDate to, BigDecimal total, String loyaltyCard,
            int limit) {
        return summaries(" AND s.loyalty_card = ?", from, to, total, loyaltyCard, limit);
    }

    private List<SaleViews.Summary> summaries(String condition, LocalDate from, LocalDate to, BigDecimal total,
            String conditionParam, int limit) {
        List<Object> params = new ArrayList<>(List.of(from, to));
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS
                + " FROM sale s WHERE s.business_date BETWEEN ? AND ?");
        if (total != null) {
            sql.append(" AND s.total = ?");
            params.add(total);
        }
        sql.append(condition);
        if (conditionParam != null) {
            params.add(conditionParam);
        }
        sql.append(" ORDER BY s.completed_at DESC LIMIT ?");
        params.add(limit);
        return client.sql(sql.toString()).params(params).query(SaleRepository::summary).list();
    }

    private static SaleViews.Summary summary(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        int scale = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        return new SaleViews.Summary(rs.getString("receipt_number"), SaleStatus.COMPLETED.name(),
                rs.getObject("business_date", LocalDate.class),
                rs.getObject("completed_at", OffsetDateTime.class).toInstant().atOffset(ZoneOffset.UTC),
                rs.getString("register_id"), rs.getString("clerk"), currency,
                rs.getBigDecimal("total").setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString());
    }

    private static Sale.Header header(ResultSet rs, int n) throws SQLException {
        return new Sale.Header(rs.getObject("id", UUID.class), rs.getString("receipt_number"),
                rs.getString("store_id"), rs.getString("register_id"), rs.getLong("register_seq"),
                rs.getString("drawer_id"), rs.getObject("business_date", LocalDate.class), rs.getString("clerk"),
                rs.getObject("completed_at", OffsetDateTime.class).toInstant(), rs.getString("currency"),
                rs.getBigDecimal("subtotal"), rs.getBigDecimal("discount_total"), rs.getBigDecimal("tax_total"),
                rs.getBigDecimal("total"), rs.getBigDecimal("cash_rounding"), rs.getBigDecimal("change_given"),
                rs.getString("loyalty_card"), rs.getInt("points_earned"), rs.getString("tax_exempt_reason"),
                rs.getString("tax_exempt_document"), rs.getString("tax_exempt_approved_by"),
                rs.getBigDecimal("tax_not_charged"));
    }

    private Sale withChildren(Sale.Header h) {
        List<SaleLine> lines = client.sql("SELECT line_no, sku, name, department, quantity, unit_price, line_value, "
                        + "discount, net, tax, tax_rate, tax_letter, tax_exempt, price_version, gift_card, gift_card_kind, "
                        + "gift_card_op, gift_card_balance, returned_quantity FROM sale_line WHERE sale_id = ? "
                        + "ORDER BY line_no").param(h.id()).query(LINE).list();
        List<SaleTender> tenders = client.sql("SELECT tender_no, type, amount, tendered, reference, masked_pan, brand, "
                        + "auth_code, rrn, balance_after FROM sale_tender WHERE sale_id = ? ORDER BY tender_no")
                .param(h.id()).query(TENDER).list();
        List<SalePromotion> promotions = client.sql("SELECT seq, code, description, amount FROM sale_promotion "
                        + "WHERE receipt_number = ? ORDER BY seq").param(h.receiptNumber())
                .query((rs, n) -> new SalePromotion(rs.getInt("seq"), rs.getString("code"),
                        rs.getString("description"), rs.getBigDecimal("amount"))).list();
        List<SaleDiscount> discounts = client.sql("SELECT seq, kind, line_no, reason, percent, amount, was_price, "
                        + "approved_by FROM sale_discount WHERE receipt_number = ? ORDER BY seq").param(h.receiptNumber())
                .query((rs, n) -> new SaleDiscount(rs.getInt("seq"), rs.getString("kind"), rs.getInt("line_no"),
                        rs.getString("reason"), rs.getBigDecimal("percent"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("was_price"), rs.getString("approved_by"))).list();
        return Sale.stored(h, lines, tenders, promotions, discounts);
    }

    private static final RowMapper<SaleLine> LINE = (rs, n) -> {
        SaleLine l = new SaleLine(rs.getInt("line_no"), rs.getString("sku"), rs.getString("name"),
                rs.getString("department"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("line_value"), rs.getBigDecimal("discount"), rs.getBigDecimal("net"),
                rs.getBigDecimal("tax"), rs.getBigDecimal("tax_rate"), rs.getString("tax_letter"),
                rs.getObject("price_version", Long.class));
        l.taxExempt = rs.getBoolean("tax_exempt");
        l.giftCard = rs.getString("gift_card");
        l.giftCardKind = rs.getString("gift_card_kind");
        l.giftCardOp = rs.getString("gift_card_op");
        l.giftCardBalance = rs.getBigDecimal("gift_card_balance");
        l.returnedQuantity = rs.getInt("returned_quantity");
        return l;
    };

    private static final RowMapper<SaleTender> TENDER = (rs, n) -> {
        SaleTender t = new SaleTender(rs.getInt("tender_no"), rs.getString("type"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("tendered"), rs.getString("reference"), null)
                .withBalanceAfter(rs.getBigDecimal("balance_after"));
        t.maskedPan = rs.getString("masked_pan");
        t.brand = rs.getString("brand");
        t.authCode = rs.getString("auth_code");
        t.rrn = rs.getString("rrn");
        return t;
    };

    private static ProblemException notFound(String receiptNumber) {
        return ProblemException.notFound("Sale", receiptNumber);
    }

    private interface RowSetter<T> {
        void set(PreparedStatement ps, T row) throws SQLException;
    }

    private <T> void batch(String sql, List<T> rows, RowSetter<T> setter) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setter.set(ps, rows.get(i));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }
}
