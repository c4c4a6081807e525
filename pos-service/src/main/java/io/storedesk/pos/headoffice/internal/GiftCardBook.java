package io.storedesk.pos.headoffice.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import io.storedesk.pos.common.GiftCardNumbers;
import io.storedesk.pos.common.ProblemException;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Head office's gift-card book (issue 26): the authority for every card's balance. Each operation
 * (ACTIVATE, RELOAD, REDEEM, REFUND, CANCEL) is one transaction that locks the card's row
 * ({@code SELECT ... FOR UPDATE}), looks its op id up, checks the card and its balance and changes
 * them under that lock, and inserts the op row, whose primary key (the store's op id) makes it happen
 * exactly once: a retry with the same op id and body answers the first outcome, another body under
 * that op id is 409 {@code gift-card-op-conflict}. Two ops with the same new op id racing on different
 * card rows are told apart by that primary key: the loser rolls back and answers like a retry.
 * <p>
 * A CANCEL names the op it compensates ({@code cancels}, unique): it gives a redemption back, takes a
 * reload or refund back, and returns an activated card to NEW; a CANCEL of an op head office never got
 * is recorded with amount 0, and that op, arriving later, is refused (409 {@code gift-card-op-cancelled}),
 * so a late retry cannot undo the compensation. A store's offline redemption (an outbox event,
 * {@link #applyOffline}) is applied even when it takes the balance below zero: the store already gave
 * the goods; the report shows such cards as overdrawn.
 */
@Service
@Profile("head-office")
public class GiftCardBook {

    public static final List<String> KINDS = List.of("ACTIVATE", "RELOAD", "REDEEM", "REFUND", "CANCEL");

    /** An operation as a store asked for it (validated). {@code cancels} only for CANCEL. */
    public record Op(String opId, String number, String kind, BigDecimal amount, String currency, String storeId,
            String document, String cancels, boolean offline, Instant occurredAt) {
    }

    /** What an operation did, as the store is answered; the number masked. */
    public record Outcome(String number, String balance, String currency, String opId, String kind,
            String amount, String status, boolean replayed, boolean overdrawn) {
    }

    /** A card as looked up; the number masked. */
    public record Card(String number, String balance, String currency, String status, Instant activatedAt,
            Instant lastUsedAt) {
    }

    private record CardRow(String currency, BigDecimal balance, String status) {
    }

    private record OpRow(String opId, String number, String kind, BigDecimal amount, String currency, String storeId,
            String document, String cancels, BigDecimal balanceAfter) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    GiftCardBook(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Applies an operation a store asked for online. */
    public Outcome apply(Op op) {
        if (op.kind().equals("ACTIVATE") || op.kind().equals("CANCEL")) {
            ensureCardRow(op.number(), op.currency());
        }
        try {
            return tx.execute(s -> applyLocked(op));
        } catch (DataIntegrityViolationException raced) {
            // the same op id (or a CANCEL of the same op) committed meanwhile: ours rolled back
            return tx.execute(s -> {
                OpRow earlier = findOp(op.opId()).orElseThrow(() -> raced);
                return replay(earlier, op);
            });
        }
    }

    /**
     * Applies a redemption a store made offline (within the card's offline allowance), in the caller's
     * transaction (the event batch's): once per op id, even below zero; an unknown card is kept as an
     * op with a card row of status NEW and a negative balance, for the report to show.
     */
    void applyOffline(Op op) {
        if (findOp(op.opId()).isPresent()) {
            return;
        }
        if (jdbc.queryForList("SELECT number FROM ho_gift_card WHERE number = ?", String.class, op.number()).isEmpty()) {
            jdbc.update("INSERT INTO ho_gift_card (number, currency, balance, status, version) VALUES (?, ?, 0, 'NEW', 0)",
                    op.number(), op.currency());
        }
        applyLocked(op);
    }

    /**
     * A store's {@code GIFT_CARD_OP} event (docs/sync-protocol.md), in the batch's transaction: a CANCEL
     * (a compensation the store could not deliver online, or its durable copy of one it did), a REFUND of
     * a redemption (a return or post-void; the card is the redemption's) or an offline REDEEM. Each op id
     * once; applied also to a card that is not active or below zero (the store already gave the goods or
     * took the return). An op head office cannot place (a refund of a redemption it never got, a cancel of
     * another card's op) is skipped with a warning and does not fail the batch.
     */
    void applyEvent(Op op, String refunds) {
        if (findOp(op.opId()).isPresent()) {
            return;
        }
        Op forced = op;
        if (refunds != null) {
            Optional<OpRow> redemption = findOp(refunds);
            if (redemption.isEmpty()) {
                log.warn("Gift-card refund {} of store {} names redemption {} head office does not have; skipped",
                        op.opId(), op.storeId(), refunds);
                return;
            }
            forced = new Op(op.opId(), redemption.get().number(), op.kind(), op.amount(), redemption.get().currency(),
                    op.storeId(), op.document(), null, true, op.occurredAt());
        }
        if (forced.number() == null) {
            log.warn("Gift-card op {} of store {} names no card; skipped", op.opId(), op.storeId());
            return;
        }
        if (jdbc.queryForList("SELECT number FROM ho_gift_card WHERE number = ?", String.class, forced.number())
                .isEmpty()) {
            jdbc.update("INSERT INTO ho_gift_card (number, currency, balance, status, version) VALUES (?, ?, 0, 'NEW', 0)",
                    forced.number(), forced.currency());
        }
        try {
            applyLocked(forced);
        } catch (ProblemException e) {
            log.warn("Gift-card op {} of store {} not applied: {}", op.opId(), op.storeId(), e.type());
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GiftCardBook.class);

    private Outcome applyLocked(Op op) {
        CardRow card = lock(op.number()).orElseThrow(() -> unknown(op.number()));
        // a cancelled op is refused, whether its cancellation came first or after it: a repeat of a redemption
        // the store compensated (its sale never committed: the process died) must not look taken
        if (!op.kind().equals("CANCEL") && findCancelOf(op.opId()).isPresent()) {
            throw ProblemException.conflict("gift-card-op-cancelled", "Gift card operation cancelled",
                    "Operation %s was cancelled; nothing was changed.".formatted(op.opId()));
        }
        Optional<OpRow> earlier = findOp(op.opId());
        if (earlier.isPresent()) {
            return replay(earlier.get(), op);
        }
        BigDecimal balance = card.balance();
        String status = card.status();
        BigDecimal amount = op.amount();
        String currency = op.currency();
        Timestamp at = Timestamp.from(op.occurredAt());
        switch (op.kind()) {
            case "ACTIVATE" -> {
                if (!status.equals("NEW")) {
                    throw ProblemException.rule("gift-card-already-active", "Gift card already active",
                            "Gift card %s is already active: reload it instead.".formatted(GiftCardNumbers.mask(op.number())))
                            .with("card", GiftCardNumbers.mask(op.number()));
                }
                balance = balance.add(amount);
                status = "ACTIVE";
                jdbc.update("UPDATE ho_gift_card SET currency = ?, activated_at = ?, activated_store = ? WHERE number = ?",
                        currency, at, op.storeId(), op.number());
            }
            case "RELOAD", "REFUND" -> {
                if (!op.offline()) {
                    requireActive(card, op);
                }
                balance = balance.add(amount);
            }
            case "REDEEM" -> {
                if (!op.offline()) {
                    requireActive(card, op);
                    if (balance.compareTo(amount) < 0) {
                        throw ProblemException.rule("gift-card-insufficient", "Not enough on the gift card",
                                "Gift card %s has only %s %s left.".formatted(GiftCardNumbers.mask(op.number()),
                                        money(balance), card.currency()))
                                .with("card", GiftCardNumbers.mask(op.number())).with("balance", money(balance))
                                .with("currency", card.currency());
                    }
                } else if (!card.currency().equals(currency) && !status.equals("NEW")) {
                    // recorded, never added to a balance of another currency (docs/head-office.md, known limits)
                    break;
                }
                balance = balance.subtract(amount);
            }
            case "CANCEL" -> {
                Optional<OpRow> target = findOp(op.cancels());
                amount = BigDecimal.ZERO;
                currency = card.currency();
                if (target.isPresent()) {
                    OpRow t = target.get();
                    if (!t.number().equals(op.number()) || t.kind().equals("CANCEL")) {
                        throw ProblemException.rule("gift-card-cancel-invalid", "Cannot cancel",
                                "Operation %s is not an operation of this card that can be cancelled.".formatted(op.cancels()));
                    }
                    amount = t.amount();
                    switch (t.kind()) {
                        case "REDEEM" -> balance = balance.add(amount);
                        case "ACTIVATE" -> {
                            balance = balance.subtract(amount);
                            if (balance.signum() == 0) {
                                status = "NEW";
                                jdbc.update("UPDATE ho_gift_card SET activated_at = NULL, activated_store = NULL "
                                        + "WHERE number = ?", op.number());
                            }
                        }
                        default -> balance = balance.subtract(amount); // RELOAD, REFUND
                    }
                }
            }
            default -> throw new IllegalArgumentException(op.kind());
        }
        jdbc.update("INSERT INTO ho_gift_card_op (op_id, number, kind, amount, currency, store_id, document, cancels, "
                        + "offline, occurred_at, balance_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                op.opId(), op.number(), op.kind(), amount, currency, op.storeId(), op.document(), op.cancels(),
                op.offline(), at, balance);
        jdbc.update("UPDATE ho_gift_card SET balance = ?, status = ?, version = version + 1, "
                        + "last_used_at = CASE WHEN ? THEN ? ELSE last_used_at END WHERE number = ?",
                balance, status, !op.kind().equals("CANCEL"), at, op.number());
        return new Outcome(GiftCardNumbers.mask(op.number()), money(balance), op.kind().equals("ACTIVATE") ? currency
                : card.currency(), op.opId(), op.kind(), money(amount), status, false, balance.signum() < 0);
    }

    private Outcome replay(OpRow earlier, Op op) {
        boolean same = earlier.number().equals(op.number()) && earlier.kind().equals(op.kind())
                && earlier.storeId().equals(op.storeId()) && Objects.equals(earlier.cancels(), op.cancels())
                && (op.kind().equals("CANCEL") || (earlier.amount().compareTo(op.amount()) == 0
                        && earlier.currency().equals(op.currency()) && Objects.equals(earlier.document(), op.document())));
        if (!same) {
            throw ProblemException.conflict("gift-card-op-conflict", "Operation id already used",
                    "Operation %s was already made with different contents.".formatted(op.opId()));
        }
        String status = jdbc.queryForObject("SELECT status FROM ho_gift_card WHERE number = ?", String.class,
                earlier.number());
        return new Outcome(GiftCardNumbers.mask(earlier.number()), money(earlier.balanceAfter()), earlier.currency(),
                earlier.opId(), earlier.kind(), money(earlier.amount()), status, true, earlier.balanceAfter().signum() < 0);
    }

    private static void requireActive(CardRow card, Op op) {
        if (!card.status().equals("ACTIVE")) {
            throw ProblemException.rule("gift-card-inactive", "Gift card not active",
                    "Gift card %s is not active: it was never sold, or its sale was cancelled.".formatted(
                            GiftCardNumbers.mask(op.number()))).with("card", GiftCardNumbers.mask(op.number()));
        }
        if (!card.currency().equals(op.currency())) {
            throw currencyMismatch(op, card);
        }
    }

    private static ProblemException currencyMismatch(Op op, CardRow card) {
        return ProblemException.rule("gift-card-currency-mismatch", "Gift card in another currency",
                "Gift card %s is in %s, not %s.".formatted(GiftCardNumbers.mask(op.number()), card.currency(), op.currency()))
                .with("card", GiftCardNumbers.mask(op.number())).with("cardCurrency", card.currency());
    }

    static ProblemException unknown(String number) {
        return new ProblemException(HttpStatus.NOT_FOUND, "gift-card-unknown", "Unknown gift card",
                "There is no active gift card %s.".formatted(GiftCardNumbers.mask(number)))
                .with("card", GiftCardNumbers.mask(number));
    }

    /** The card as it stands (404 {@code gift-card-unknown} for a card never activated). */
    public Card find(String number) {
        return jdbc.query("SELECT currency, balance, status, activated_at, last_used_at FROM ho_gift_card WHERE number = ?",
                        (rs, n) -> new Card(GiftCardNumbers.mask(number), money(rs.getBigDecimal(2)), rs.getString(1),
                                rs.getString(3), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))), number)
                .stream().filter(c -> !c.status().equals("NEW") || new BigDecimal(c.balance()).signum() != 0).findFirst()
                .orElseThrow(() -> unknown(number));
    }

    /**
     * The report over {@code [from, to]} (days in {@code zone}): liability per currency (the sum of
     * every card's balance), activations, reloads, redemptions and refunds that were not cancelled
     * (count, amount), offline redemptions, overdrawn cards, and breakage by age: the balances of the
     * cards with money on them by months since their last use (0-12, 12-24, 24+) at {@code now}.
     */
    Map<String, Object> report(LocalDate from, LocalDate to, ZoneId zone, Instant now) {
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) > 366) {
            throw ProblemException.badRequest("invalid-range", "Invalid range",
                    "from must not be after to, and the range at most 366 days.");
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<String, Map<String, Object>> currencies = new TreeMap<>();
        jdbc.query("SELECT currency, COUNT(*), SUM(balance), SUM(CASE WHEN balance < 0 THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN balance < 0 THEN balance ELSE 0 END) FROM ho_gift_card "
                + "WHERE status <> 'NEW' OR balance <> 0 GROUP BY currency", rs -> {
                    Map<String, Object> c = section(currencies, rs.getString(1));
                    c.put("cards", rs.getLong(2));
                    c.put("liability", money(rs.getBigDecimal(3)));
                    c.put("overdrawn", Map.of("count", rs.getLong(4), "amount", money(rs.getBigDecimal(5))));
                });
        jdbc.query("SELECT o.currency, o.kind, COUNT(*), SUM(o.amount), SUM(CASE WHEN o.offline THEN 1 ELSE 0 END) "
                + "FROM ho_gift_card_op o WHERE o.occurred_at >= ? AND o.occurred_at < ? AND o.kind <> 'CANCEL' "
                + "AND NOT EXISTS (SELECT 1 FROM ho_gift_card_op c WHERE c.cancels = o.op_id) "
                + "GROUP BY o.currency, o.kind", rs -> {
                    Map<String, Object> c = section(currencies, rs.getString(1));
                    String key = switch (rs.getString(2)) {
                        case "ACTIVATE" -> "activations";
                        case "RELOAD" -> "reloads";
                        case "REDEEM" -> "redemptions";
                        default -> "refunds";
                    };
                    Map<String, Object> figure = new LinkedHashMap<>();
                    figure.put("count", rs.getLong(3));
                    figure.put("amount", money(rs.getBigDecimal(4)));
                    if (key.equals("redemptions")) {
                        figure.put("offline", rs.getLong(5));
                    }
                    c.put(key, figure);
                }, start, end);
        Timestamp year = Timestamp.from(now.atZone(zone).minusMonths(12).toInstant());
        Timestamp twoYears = Timestamp.from(now.atZone(zone).minusMonths(24).toInstant());
        jdbc.query("SELECT currency, age, COUNT(*), SUM(balance) FROM (SELECT currency, balance, "
                + "CASE WHEN COALESCE(last_used_at, activated_at) >= ? THEN '0-12' "
                + "WHEN COALESCE(last_used_at, activated_at) >= ? THEN '12-24' ELSE '24+' END AS age "
                + "FROM ho_gift_card WHERE balance > 0 AND status = 'ACTIVE') t GROUP BY currency, age", rs -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> ages = (Map<String, Object>) section(currencies, rs.getString(1)).get("breakageByAge");
                    ages.put(rs.getString(2), Map.of("cards", rs.getLong(3), "balance", money(rs.getBigDecimal(4))));
                }, year, twoYears);
        List<Map<String, Object>> overdrawn = new ArrayList<>();
        jdbc.query("SELECT number, currency, balance FROM ho_gift_card WHERE balance < 0 ORDER BY number", rs -> {
            overdrawn.add(Map.of("card", GiftCardNumbers.mask(rs.getString(1)), "currency", rs.getString(2),
                    "balance", money(rs.getBigDecimal(3))));
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("currencies", currencies);
        out.put("overdrawnCards", overdrawn);
        return out;
    }

    private static Map<String, Object> section(Map<String, Map<String, Object>> currencies, String currency) {
        return currencies.computeIfAbsent(currency, c -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("cards", 0L);
            s.put("liability", money(BigDecimal.ZERO));
            s.put("overdrawn", Map.of("count", 0L, "amount", money(BigDecimal.ZERO)));
            for (String k : List.of("activations", "reloads", "redemptions", "refunds")) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("count", 0L);
                f.put("amount", money(BigDecimal.ZERO));
                if (k.equals("redemptions")) {
                    f.put("offline", 0L);
                }
                s.put(k, f);
            }
            Map<String, Object> ages = new LinkedHashMap<>();
            for (String age : List.of("0-12", "12-24", "24+")) {
                ages.put(age, Map.of("cards", 0L, "balance", money(BigDecimal.ZERO)));
            }
            s.put("breakageByAge", ages);
            return s;
        });
    }

    private Optional<CardRow> lock(String number) {
        return jdbc.query("SELECT currency, balance, status FROM ho_gift_card WHERE number = ? FOR UPDATE",
                (rs, n) -> new CardRow(rs.getString(1), rs.getBigDecimal(2), rs.getString(3)), number).stream().findFirst();
    }

    private Optional<OpRow> findOp(String opId) {
        return jdbc.query("SELECT op_id, number, kind, amount, currency, store_id, document, cancels, balance_after "
                        + "FROM ho_gift_card_op WHERE op_id = ?", (rs, n) -> new OpRow(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getBigDecimal(9)), opId).stream().findFirst();
    }

    private Optional<String> findCancelOf(String opId) {
        return jdbc.queryForList("SELECT op_id FROM ho_gift_card_op WHERE cancels = ?", String.class, opId)
                .stream().findFirst();
    }

    /** The card's lock row (status NEW, nothing on it), made before its first activation. */
    private void ensureCardRow(String number, String currency) {
        if (!jdbc.queryForList("SELECT number FROM ho_gift_card WHERE number = ?", String.class, number).isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> jdbc.update(
                    "INSERT INTO ho_gift_card (number, currency, balance, status, version) VALUES (?, ?, 0, 'NEW', 0)",
                    number, currency));
        } catch (DataIntegrityViolationException raced) {
            // another operation made it first
        }
    }

    /** An amount as the API carries it ("12.30"); the book keeps 4 decimals, amounts come with 2 at most. */
    static String money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
