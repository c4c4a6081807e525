package io.storedesk.pos.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.storedesk.pos.common.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The card transactions table: one row per purchase or refund sent to the acquirer, with the
 * masked PAN and the acquirer's references, never card data. Joins the caller's transaction.
 * Refunds reserve their amount on the purchase with one guarded UPDATE, so concurrent refunds
 * can never add up to more than the purchase.
 */
@Repository
class CardTransactions {

    private static final String COLUMNS = "reference, kind, status, register_id, terminal_id, merchant_id, mti, "
            + "processing_code, stan, transmitted, amount, currency, refunded_amount, masked_pan, brand, entry_mode, "
            + "auth_code, rrn, response_code, original_reference, business_reference";

    private final JdbcClient jdbc;
    private final Clock clock;

    CardTransactions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One row. */
    record CardTransaction(String reference, String kind, CardTransactionStatus status, String registerId, String terminalId,
            String merchantId, String mti, String processingCode, String stan, String transmitted, Money amount,
            Money refunded, String maskedPan, String brand, String entryMode, String authCode, String rrn,
            String responseCode, String originalReference, String businessReference) {

        boolean isRefund() {
            return "REFUND".equals(kind);
        }

        Money remaining() {
            return amount.minus(refunded);
        }
    }

    void insertRequested(CardTransaction t) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO card_transaction (" + COLUMNS + ", created_at, updated_at) "
                        + "VALUES (?, ?, 'REQUESTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, ?)")
                .params(t.reference(), t.kind(), t.registerId(), t.terminalId(), t.merchantId(), t.mti(),
                        t.processingCode(), t.stan(), t.transmitted(), t.amount().amount(),
                        t.amount().currency().getCurrencyCode(), t.maskedPan(), t.brand(), t.entryMode(),
                        t.originalReference(), t.businessReference(), now, now)
                .update();
    }

    Optional<CardTransaction> find(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM card_transaction WHERE reference = ?").param(reference)
                .query(CardTransactions::map).optional();
    }

    /** Locks the row for the rest of the transaction. */
    Optional<CardTransaction> lock(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM card_transaction WHERE reference = ? FOR UPDATE").param(reference)
                .query(CardTransactions::map).optional();
    }

    List<CardTransaction> requested() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM card_transaction WHERE status = 'REQUESTED' ORDER BY created_at")
                .query(CardTransactions::map).list();
    }

    /** @return false when the row is no longer REQUESTED */
    boolean approve(String reference, String authCode, String rrn) {
        return jdbc.sql("UPDATE card_transaction SET status = 'APPROVED', auth_code = ?, rrn = ?, response_code = '00', "
                        + "updated_at = ? WHERE reference = ? AND status = 'REQUESTED'")
                .params(authCode, rrn, OffsetDateTime.now(clock), reference).update() == 1;
    }

    void decline(String reference, String responseCode) {
        jdbc.sql("UPDATE card_transaction SET status = 'DECLINED', response_code = ?, updated_at = ? "
                        + "WHERE reference = ? AND status = 'REQUESTED'")
                .params(responseCode, OffsetDateTime.now(clock), reference).update();
    }

    /** @return false when it was already reversed or declined */
    boolean markReversed(String reference) {
        return jdbc.sql("UPDATE card_transaction SET status = 'REVERSED', updated_at = ? "
                        + "WHERE reference = ? AND status IN ('REQUESTED', 'APPROVED')")
                .params(OffsetDateTime.now(clock), reference).update() == 1;
    }

    /** Adds a refund to an approved purchase if it fits in what is left; false if it does not. */
    boolean reserveRefund(String purchaseReference, Money amount) {
        return jdbc.sql("UPDATE card_transaction SET refunded_amount = refunded_amount + ?, updated_at = ? "
                        + "WHERE reference = ? AND kind = 'PURCHASE' AND status = 'APPROVED' "
                        + "AND refunded_amount + ? <= amount")
                .params(amount.amount(), OffsetDateTime.now(clock), purchaseReference, amount.amount()).update() == 1;
    }

    /** Gives back a refund that was declined or reversed. */
    void releaseRefund(String purchaseReference, Money amount) {
        jdbc.sql("UPDATE card_transaction SET refunded_amount = refunded_amount - ?, updated_at = ? WHERE reference = ?")
                .params(amount.amount(), OffsetDateTime.now(clock), purchaseReference).update();
    }

    private static CardTransaction map(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new CardTransaction(rs.getString("reference"), rs.getString("kind"),
                CardTransactionStatus.valueOf(rs.getString("status")),
                rs.getString("register_id"), rs.getString("terminal_id"), rs.getString("merchant_id"),
                rs.getString("mti"), rs.getString("processing_code"), rs.getString("stan"),
                rs.getString("transmitted"), Money.of(rs.getBigDecimal("amount"), currency),
                Money.of(rs.getBigDecimal("refunded_amount"), currency), rs.getString("masked_pan"),
                rs.getString("brand"), rs.getString("entry_mode"), rs.getString("auth_code"), rs.getString("rrn"),
                rs.getString("response_code"), rs.getString("original_reference"),
                rs.getString("business_reference"));
    }
}
