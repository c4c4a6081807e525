package io.storedesk.pos.training.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.storedesk.pos.common.CardNumbers;
import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.SqlFilter;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.TenderType;
import io.storedesk.pos.sale.TrainingTill;
import io.storedesk.pos.training.TrainingSubjects;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training till: settles training sales and returns on paper and keeps them in {@code training_sale}
 * and {@code training_return}, numbered from {@code training_counter}. It holds no reference to a drawer,
 * the journal, loyalty, returns, sync, reports, card payments or an event publisher (ADR 0005), so nothing
 * it does can reach the books. Card tenders are approved the way the bundled acquirer simulator approves
 * them, without a message on the acquirer link, and only while the bundled simulator is the store's acquirer.
 */
@Service
class TrainingTillService implements TrainingTill {

    private final TrainingSubjects subjects;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final StoreProperties store;
    private final Clock clock;
    private final Environment environment;
    private final TransactionTemplate tx;

    TrainingTillService(TrainingSubjects subjects, JdbcClient jdbc, JsonMapper json, StoreProperties store, Clock clock,
            Environment environment, PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.subjects = subjects;
        this.jdbc = jdbc;
        // a stored document reads back with the offset it was answered with (the store's), not moved to UTC
        this.json = json.rebuild().disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
        this.store = store;
        this.clock = clock;
        this.environment = environment;
    }

    @Override
    public boolean activeFor(String user, String registerId) {
        return subjects.activeFor(user, registerId);
    }

    /** The bundled simulator is the acquirer: it is enabled and the acquirer port is 0 (its own). */
    private boolean simulatorIsTheAcquirer() {
        return environment.getProperty("pos.payment.simulator.enabled", Boolean.class, false)
                && environment.getProperty("pos.payment.acquirer.port", Integer.class, 0) == 0;
    }

    /**
     * One transaction under the register's training counter row lock (created first in a transaction of its
     * own): a repeat of the key is answered from the stored sale, else the sale is settled, numbered and stored.
     */
    @Override
    public IdempotentResult<SaleView> sell(String registerId, String drawerId, String clerk, PricedBasket basket,
            List<SaleOrder.Tender> tenders, String idempotencyKey, String fingerprint) {
        return once(registerId, "training_sale", clerk, idempotencyKey, fingerprint, SaleView.class,
                () -> sellLocked(registerId, drawerId, clerk, basket, tenders, idempotencyKey, fingerprint));
    }

    /**
     * One transaction under the register's training counter row lock (the row created first in a transaction of
     * its own): the document stored in {@code table} under the clerk's key is answered again (replayed), else
     * {@code work} makes it. Whatever else a document locks (a training sale's row) comes after the counter.
     */
    private <T> IdempotentResult<T> once(String registerId, String table, String clerk, String idempotencyKey,
            String fingerprint, Class<T> type, Supplier<T> work) {
        ensureCounter(registerId);
        return tx.execute(status -> {
            lockCounter(registerId);
            Optional<T> earlier = earlier(table, clerk, idempotencyKey, fingerprint, type);
            return earlier.isPresent() ? new IdempotentResult<>(earlier.get(), true)
                    : new IdempotentResult<>(work.get(), false);
        });
    }

    /**
     * The document stored under the clerk's key, under the counter lock every request with the key takes; a
     * stored fingerprint that is not the request's is 422 {@code idempotency-key-reused}, as at the real till.
     * Documents stored before fingerprints were kept (null) answer any request with their key.
     */
    private <T> Optional<T> earlier(String table, String clerk, String idempotencyKey, String fingerprint,
            Class<T> type) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT request_hash, document FROM " + table + " WHERE idempotency_key = ?")
                .param(key(clerk, idempotencyKey)).query((rs, n) -> {
                    String stored = rs.getString(1);
                    if (stored != null && !stored.equals(fingerprint)) {
                        throw ProblemException.rule("idempotency-key-reused", "Idempotency-Key reused",
                                "This Idempotency-Key was already used for a different request.");
                    }
                    return json.readValue(rs.getString(2), type);
                }).optional();
    }

    private SaleView sellLocked(String registerId, String drawerId, String clerk, PricedBasket basket,
            List<SaleOrder.Tender> tenders, String idempotencyKey, String fingerprint) {
        Settlement paid = settle(basket.total(), tenders);
        String number = next(registerId);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(store.zone()));
        SaleView view = saleView(number, registerId, drawerId, clerk, basket, paid.tenders(), paid, now);
        insertSale(view, registerId, clerk, idempotencyKey, fingerprint, now);
        return view;
    }

    /** Only cash and cards (and those only against the bundled simulator) pay in training. */
    private void checkTenderTypes(List<SaleOrder.Tender> tenders) {
        for (SaleOrder.Tender t : tenders) {
            if (t.type() != TenderType.CASH && t.type() != TenderType.CARD) {
                throw ProblemException.rule("training-tender-not-supported", "Tender not available in training",
                        "In training a sale is paid in cash or by card (against the simulator); %s keeps books of its own."
                                .formatted(t.type()));
            }
            if (t.type() == TenderType.CARD && !simulatorIsTheAcquirer()) {
                throw ProblemException.rule("training-card-needs-simulator", "Training card needs the simulator",
                        "Card tenders in training go only to the bundled acquirer simulator, and this store's acquirer is a real one.");
            }
        }
    }

    /** What the tenders paid of a due amount: cards first, as the simulator approves them, then cash, rounded. */
    private record Settlement(List<SaleView.Tender> tenders, Money paid, Money change, Money cashRounding) {

        static Settlement none(Currency currency) {
            return new Settlement(List.of(), Money.zero(currency), Money.zero(currency), Money.zero(currency));
        }
    }

    private Settlement settle(Money owed, List<SaleOrder.Tender> tenders) {
        checkTenderTypes(tenders);
        var currency = owed.currency();
        Money zero = Money.zero(currency);
        Money remaining = owed;
        List<SaleView.Tender> settled = new ArrayList<>();
        for (SaleOrder.Tender t : tenders) {
            if (t.type() != TenderType.CARD) {
                continue;
            }
            Money amount = t.amount() == null ? remaining : Money.of(t.amount(), currency);
            if (!amount.isPositive() || amount.isGreaterThan(remaining)) {
                throw ProblemException.rule("invalid-tender", "Invalid tender",
                        "A card pays more than zero and no more than the %s still due.".formatted(remaining));
            }
            String pan = pan(t.card());
            if (pan == null) {
                throw ProblemException.invalidField("tenders.card", "a card needs a pan and expiry or track2");
            }
            String code = declineCode(amount);
            if (code != null) {
                throw ProblemException.rule("card-declined", "Card declined",
                        "The card was declined (%s). Nothing was charged.".formatted(code)).with("responseCode", code);
            }
            settled.add(new SaleView.Tender("CARD", amount.toString(), null, CardNumbers.maskPan(pan), brand(pan),
                    "T" + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100000)), null,
                    "TRN-CARD-" + UUID.randomUUID()));
            remaining = remaining.minus(amount);
        }
        Money cashRounding = zero;
        Money change = zero;
        List<SaleOrder.Tender> cash = tenders.stream().filter(t -> t.type() == TenderType.CASH).toList();
        if (remaining.isPositive()) {
            if (cash.isEmpty()) {
                throw ProblemException.rule("insufficient-tender", "Not enough tendered",
                        "%s is still due.".formatted(remaining));
            }
            Money due = store.cashRoundingPolicy().round(remaining);
            Money handed = zero;
            for (SaleOrder.Tender t : cash) {
                handed = handed.plus(t.amount() == null ? due : Money.of(t.amount(), currency));
            }
            if (handed.isLessThan(due)) {
                throw ProblemException.rule("insufficient-tender", "Not enough tendered",
                        "%s is due in cash and %s was tendered.".formatted(due, handed));
            }
            cashRounding = due.minus(remaining);
            change = handed.minus(due);
            settled.add(new SaleView.Tender("CASH", due.toString(), handed.toString(), null, null, null, null, null));
        } else if (!cash.isEmpty()) {
            throw ProblemException.rule("invalid-tender", "Invalid tender", "The cards pay it all; no cash is due.");
        }
        Money paid = settled.stream().map(s -> Money.of(s.amount(), currency)).reduce(zero, Money::plus);
        return new Settlement(settled, paid, change, cashRounding);
    }

    private SaleView saleView(String number, String registerId, String drawerId, String clerk, PricedBasket basket,
            List<SaleView.Tender> tenders, Settlement paid, OffsetDateTime now) {
        Money total = tenders.stream().map(t -> Money.of(t.amount(), basket.total().currency()))
                .reduce(Money.zero(basket.total().currency()), Money::plus);
        return new SaleView(number, SaleView.TRAINING, store.id(), registerId, drawerId, store.today(clock), now,
                clerk, basket.total().currency().getCurrencyCode(),
                basket.lines().stream().map(l -> new SaleView.Line(l.lineNo(), l.sku(), l.name(), l.department(),
                        l.quantity(), l.unitPrice().toString(), l.discount().toString(), l.net().toString(),
                        l.tax().toString(), l.taxRate().stripTrailingZeros().toPlainString(), l.taxLetter(), 0)).toList(),
                basket.subtotal().toString(), basket.discountTotal().toString(), basket.taxTotal().toString(),
                basket.total().toString(),
                basket.taxes().stream().map(t -> new SaleView.Tax(t.rate().toPlainString(), t.letter(),
                        t.net().toString(), t.tax().toString(), t.gross().toString())).toList(),
                tenders, total.toString(), paid.change().toString(), paid.cashRounding().toString(), 0,
                basket.promotions().stream().map(p -> new SaleView.Promotion(p.code(), p.description(),
                        p.amount().toString())).toList(), null,
                basket.manualDiscounts().stream().map(m -> new SaleView.Discount(m.kind().name(), m.lineNo(), m.reason(),
                        m.percent() == null ? null : m.percent().stripTrailingZeros().toPlainString(),
                        m.amount().toString(), m.wasPrice() == null ? null : m.wasPrice().toString(), m.approvedBy()))
                        .toList(), null);
    }

    private void insertSale(SaleView view, String registerId, String clerk, String idempotencyKey, String fingerprint,
            OffsetDateTime now) {
        jdbc.sql("INSERT INTO training_sale (receipt_number, register_id, idempotency_key, request_hash, document, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(view.receiptNumber(), registerId, idempotencyKey == null ? null : key(clerk, idempotencyKey),
                        idempotencyKey == null ? null : fingerprint, json.writeValueAsString(view), now).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SaleView> find(String receiptNumber) {
        if (!receiptNumber.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT document FROM training_sale WHERE receipt_number = ?").param(receiptNumber)
                .query(String.class).optional().map(d -> withReturned(json.readValue(d, SaleView.class)));
    }

    @Override
    public IdempotentResult<SaleView> voidSale(String receiptNumber, String clerk, String reason,
            Consumer<SaleView> check, Supplier<String> approve, String idempotencyKey, String fingerprint) {
        requireTrainingReceipt(receiptNumber, "voided");
        String registerId = jdbc.sql("SELECT register_id FROM training_sale WHERE receipt_number = ?")
                .param(receiptNumber).query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
        // lock order (ADR 0005): the register's training counter, then the training sale's row
        return once(registerId, "training_sale_void", clerk, idempotencyKey, fingerprint, SaleView.class, () -> {
            SaleView locked = lockSale(receiptNumber);
            SaleView sale = withReturned(locked);
            check.accept(sale); // the real void's rules, deciding, under both locks
            String approvedBy = approve.get();
            // a card is reversed as the simulator reverses (always approved), with no message on the link; cash on paper
            SaleView voided = sale.withStatus(SaleView.VOIDED);
            OffsetDateTime now = OffsetDateTime.now(clock.withZone(store.zone()));
            jdbc.sql("UPDATE training_sale SET document = ? WHERE receipt_number = ?")
                    .params(json.writeValueAsString(locked.withStatus(SaleView.VOIDED)), receiptNumber).update();
            jdbc.sql("INSERT INTO training_sale_void (receipt_number, register_id, voided_by, approved_by, reason, idempotency_key, request_hash, document, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(receiptNumber, registerId, clerk, approvedBy, reason,
                            idempotencyKey == null ? null : key(clerk, idempotencyKey),
                            idempotencyKey == null ? null : fingerprint, json.writeValueAsString(voided), now)
                    .update();
            return voided;
        });
    }

    @Override
    public IdempotentResult<TrainingCashMovement> cashMovement(String registerId, String drawerId, Supplier<UUID> session,
            String clerk, String type, Money amount, String reason, String idempotencyKey, String fingerprint) {
        if (!"PAID_IN".equals(type) && !"PAID_OUT".equals(type)) {
            throw new IllegalArgumentException("a training cash movement is PAID_IN or PAID_OUT, not " + type);
        }
        return once(registerId, "training_cash_movement", clerk, idempotencyKey, fingerprint,
                TrainingCashMovement.class, () -> recordMovement(registerId, drawerId, session.get(), clerk, type,
                        amount.toString(), reason, idempotencyKey, fingerprint));
    }

    @Override
    public IdempotentResult<TrainingCashMovement> noSale(String registerId, String drawerId, Supplier<UUID> session,
            String clerk, String reason, String idempotencyKey, String fingerprint) {
        return once(registerId, "training_cash_movement", clerk, idempotencyKey, fingerprint,
                TrainingCashMovement.class, () -> recordMovement(registerId, drawerId, session.get(), clerk, "NO_SALE",
                        null, reason, idempotencyKey, fingerprint));
    }

    /** Numbers and keeps a training cash movement; the caller holds the register's training counter lock. */
    private TrainingCashMovement recordMovement(String registerId, String drawerId, UUID sessionId, String clerk,
            String type, String amount, String reason, String idempotencyKey, String fingerprint) {
        String number = next(registerId, "M");
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(store.zone()));
        TrainingCashMovement movement = new TrainingCashMovement(number, drawerId, sessionId, type, amount, reason,
                clerk, null, now, true);
        jdbc.sql("INSERT INTO training_cash_movement (movement_number, register_id, drawer_id, kind, idempotency_key, request_hash, document, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(number, registerId, drawerId, type, idempotencyKey == null ? null : key(clerk, idempotencyKey),
                        idempotencyKey == null ? null : fingerprint, json.writeValueAsString(movement), now)
                .update();
        return movement;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TrainingReturn> findReturn(String returnNumber) {
        if (!returnNumber.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT document FROM training_return WHERE return_number = ?").param(returnNumber)
                .query(String.class).optional().map(d -> json.readValue(d, TrainingReturn.class));
    }

    @Override
    public IdempotentResult<TrainingReturn> returnGoods(String registerId, String drawerId, String clerk,
            String receiptNumber, List<ReturnedLine> lines, boolean allInCash, String idempotencyKey,
            String fingerprint) {
        requireTrainingReceipt(receiptNumber);
        return once(registerId, "training_return", clerk, idempotencyKey, fingerprint, TrainingReturn.class,
                () -> returnLocked(registerId, drawerId, clerk, receiptNumber, lines, allInCash, idempotencyKey,
                        fingerprint));
    }

    private TrainingReturn returnLocked(String registerId, String drawerId, String clerk, String receiptNumber,
            List<ReturnedLine> lines, boolean allInCash, String idempotencyKey, String fingerprint) {
        SaleView sale = requireNotVoided(lockSale(receiptNumber));
        Valued valued = value(sale, lines);
        Refunds refunds = refunds(sale, valued.total(), allInCash);
        String number = next(registerId);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(store.zone()));
        TrainingReturn view = new TrainingReturn(number, receiptNumber, registerId, drawerId, store.today(clock), now,
                clerk, sale.currency(), allInCash ? "CASH" : "ORIGINAL",
                valued.total().plus(refunds.cashRounding()).toString(), refunds.cashRounding().toString(),
                refunds.refunds(), valued.lines(), true);
        insertReturn(view, registerId, clerk, idempotencyKey, fingerprint, now);
        return view;
    }

    /** The training sale's row lock: returns and exchanges of one training sale one after the other. */
    private SaleView lockSale(String receiptNumber) {
        return jdbc.sql("SELECT document FROM training_sale WHERE receipt_number = ? FOR UPDATE")
                .param(receiptNumber).query(String.class).optional().map(d -> json.readValue(d, SaleView.class))
                .orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
    }

    /** What the returned lines were paid, and the lines as the return names them. */
    private record Valued(Money total, List<TrainingReturn.Line> lines) {
    }

    private Valued value(SaleView sale, List<ReturnedLine> lines) {
        String receiptNumber = sale.receiptNumber();
        Map<Integer, Integer> returned = returnedQuantities(receiptNumber);
        var currency = Currency.getInstance(sale.currency());
        Money refund = Money.zero(currency);
        List<TrainingReturn.Line> taken = new ArrayList<>();
        for (ReturnedLine r : lines) {
            SaleView.Line line = sale.lines().stream().filter(l -> l.lineNo() == r.lineNo()).findFirst()
                    .orElseThrow(() -> ProblemException.rule("unknown-line", "Unknown line",
                            "Sale %s has no line %d.".formatted(receiptNumber, r.lineNo())));
            int before = returned.getOrDefault(r.lineNo(), 0);
            if (r.quantity() < 1 || before + r.quantity() > line.quantity()) {
                throw ProblemException.rule("return-quantity-exceeded", "More than was sold",
                        "Line %d: %d sold, %d returned already.".formatted(r.lineNo(), line.quantity(), before));
            }
            returned.put(r.lineNo(), before + r.quantity());
            BigDecimal net = new BigDecimal(line.net());
            // what was paid per unit; the last units take what the earlier ones left (the line's net in total)
            BigDecimal upTo = net.multiply(BigDecimal.valueOf(before + r.quantity()))
                    .divide(BigDecimal.valueOf(line.quantity()), currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
            BigDecimal already = net.multiply(BigDecimal.valueOf(before))
                    .divide(BigDecimal.valueOf(line.quantity()), currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
            Money amount = Money.of(upTo.subtract(already), currency);
            refund = refund.plus(amount);
            taken.add(new TrainingReturn.Line(r.lineNo(), line.sku(), line.name(), r.quantity(), r.reason(),
                    r.restock(), amount.toString()));
        }
        return new Valued(refund, taken);
    }

    /** What is paid back of an amount: to the sale's cards first (unless all in cash), the rest in cash, rounded. */
    private record Refunds(List<TrainingReturn.Refund> refunds, Money cashRounding) {
    }

    private Refunds refunds(SaleView sale, Money amount, boolean allInCash) {
        var currency = amount.currency();
        List<TrainingReturn.Refund> refunds = new ArrayList<>();
        Money left = amount;
        for (SaleView.Tender t : sale.tenders()) {
            if (t.type().equals("CARD") && left.isPositive() && !allInCash) {
                Money back = left.min(Money.of(t.amount(), currency));
                refunds.add(new TrainingReturn.Refund("CARD", back.toString(), t.maskedPan()));
                left = left.minus(back);
            }
        }
        Money cashRounding = Money.zero(currency);
        if (left.isPositive()) {
            Money cash = store.cashRoundingPolicy().round(left);
            cashRounding = cash.minus(left);
            refunds.add(new TrainingReturn.Refund("CASH", cash.toString(), null));
        }
        return new Refunds(refunds, cashRounding);
    }

    private void insertReturn(TrainingReturn view, String registerId, String clerk, String idempotencyKey,
            String fingerprint, OffsetDateTime now) {
        jdbc.sql("INSERT INTO training_return (return_number, receipt_number, register_id, idempotency_key, request_hash, document, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(view.returnNumber(), view.receiptNumber(), registerId,
                        idempotencyKey == null ? null : key(clerk, idempotencyKey),
                        idempotencyKey == null ? null : fingerprint, json.writeValueAsString(view), now).update();
    }

    @Override
    public IdempotentResult<TrainingExchange> exchange(String registerId, String drawerId, String clerk,
            String receiptNumber, List<ReturnedLine> lines, boolean allInCash, PricedBasket basket,
            List<SaleOrder.Tender> tenders, String idempotencyKey, String fingerprint) {
        requireTrainingReceipt(receiptNumber);
        List<SaleOrder.Tender> given = tenders == null ? List.of() : tenders;
        checkTenderTypes(given);
        return once(registerId, "training_exchange", clerk, idempotencyKey, fingerprint, TrainingExchange.class,
                () -> exchangeLocked(registerId, drawerId, clerk, receiptNumber, lines, allInCash, basket, given,
                        idempotencyKey, fingerprint));
    }

    private TrainingExchange exchangeLocked(String registerId, String drawerId, String clerk, String receiptNumber,
            List<ReturnedLine> lines, boolean allInCash, PricedBasket basket, List<SaleOrder.Tender> given,
            String idempotencyKey, String fingerprint) {
        SaleView sale = requireNotVoided(lockSale(receiptNumber));
        if (!sale.currency().equals(basket.total().currency().getCurrencyCode())) {
            throw ProblemException.rule("currency-mismatch", "Another currency",
                    "Sale %s was paid in %s; the new goods are priced in %s.".formatted(receiptNumber,
                            sale.currency(), basket.total().currency().getCurrencyCode()));
        }
        Valued valued = value(sale, lines);
        Money returned = valued.total();
        Money newTotal = basket.total();
        if (!newTotal.isGreaterThan(returned) && !given.isEmpty()) {
            throw ProblemException.rule("nothing-to-pay", "Nothing to pay",
                    "The returned goods (%s) cover the new ones (%s): leave out the tenders.".formatted(returned,
                            newTotal));
        }
        Money credit = returned.min(newTotal);
        Settlement paid = newTotal.isGreaterThan(returned) ? settle(newTotal.minus(returned), given)
                : Settlement.none(newTotal.currency());
        Refunds back = returned.isGreaterThan(newTotal) ? refunds(sale, returned.minus(newTotal), allInCash)
                : new Refunds(List.of(), Money.zero(newTotal.currency()));
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(store.zone()));
        List<TrainingReturn.Refund> refunds = new ArrayList<>();
        List<SaleView.Tender> saleTenders = new ArrayList<>();
        if (credit.isPositive()) {
            refunds.add(new TrainingReturn.Refund("EXCHANGE", credit.toString(), null));
            saleTenders.add(new SaleView.Tender("EXCHANGE", credit.toString(), null, null, null, null, null,
                    receiptNumber));
        }
        refunds.addAll(back.refunds());
        saleTenders.addAll(paid.tenders());
        TrainingReturn ret = new TrainingReturn(next(registerId), receiptNumber, registerId, drawerId,
                store.today(clock), now, clerk, sale.currency(), allInCash ? "CASH" : "ORIGINAL",
                returned.plus(back.cashRounding()).toString(), back.cashRounding().toString(), refunds,
                valued.lines(), true);
        SaleView newSale = saleView(next(registerId), registerId, drawerId, clerk, basket, saleTenders, paid, now);
        insertReturn(ret, registerId, clerk, null, null, now);
        insertSale(newSale, registerId, clerk, null, null, now);
        TrainingExchange exchange = new TrainingExchange(receiptNumber, sale.currency(), returned.toString(),
                newTotal.toString(), newTotal.minus(returned).toString(), ret, newSale, true);
        jdbc.sql("INSERT INTO training_exchange (return_number, receipt_number, sale_number, register_id, idempotency_key, request_hash, document, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ret.returnNumber(), receiptNumber, newSale.receiptNumber(), registerId,
                        idempotencyKey == null ? null : key(clerk, idempotencyKey),
                        idempotencyKey == null ? null : fingerprint, json.writeValueAsString(exchange), now)
                .update();
        return exchange;
    }

    @Override
    public IdempotentResult<TrainingSpecialOrder> orderSpecial(String registerId, String drawerId, String clerk,
            NewSpecialOrder order, SaleOrder.Card card, String idempotencyKey, String fingerprint) {
        boolean byCard = "CARD".equals(order.depositType());
        if (byCard) {
            checkTenderTypes(List.of(new SaleOrder.Tender(TenderType.CARD, null, card, null, null)));
        }
        return once(registerId, "training_special_order_step", clerk, idempotencyKey, fingerprint,
                TrainingSpecialOrder.class, () -> {
                    String maskedPan = null;
                    if (byCard) {   // approved as a training card sale is: the simulator's rules, no message sent
                        Settlement paid = settle(order.deposit(), List.of(new SaleOrder.Tender(TenderType.CARD,
                                order.deposit().toString(), card, null, null)));
                        maskedPan = paid.tenders().get(0).maskedPan();
                    }
                    String number = next(registerId, "SO");
                    OffsetDateTime now = OffsetDateTime.now(clock.withZone(store.zone()));
                    TrainingSpecialOrder view = new TrainingSpecialOrder(number, "ORDERED", order.customerId(),
                            order.deposit().currency().getCurrencyCode(), order.lines(), order.quotedTotal().toString(),
                            new TrainingSpecialOrder.Deposit(order.depositType(), order.deposit().toString(), maskedPan,
                                    drawerId, registerId),
                            order.quotedTotal().minus(order.deposit()).toString(), order.note(), clerk, now, null, null,
                            null, null, null, null, null, null, null, List.of(), true);
                    jdbc.sql("INSERT INTO training_special_order (order_number, register_id, customer_id, status, document, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                            .params(number, registerId, order.customerId(), view.status(), json.writeValueAsString(view),
                                    now, now).update();
                    step(number, "ORDER", clerk, idempotencyKey, fingerprint, view, now);
                    return view;
                });
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TrainingSpecialOrder> findSpecialOrder(String orderNumber) {
        if (orderNumber == null || !orderNumber.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT document FROM training_special_order WHERE order_number = ?").param(orderNumber)
                .query(String.class).optional().map(d -> json.readValue(d, TrainingSpecialOrder.class));
    }

    @Override
    @Transactional(readOnly = true)
    public List<TrainingSpecialOrder> specialOrders(String customerId, String status, int limit) {
        SqlFilter filter = new SqlFilter().andIf(customerId, "customer_id = ?").andIf(status, "status = ?");
        return jdbc.sql("SELECT document FROM training_special_order WHERE " + filter.where()
                        + " ORDER BY created_at DESC, order_number DESC FETCH FIRST ? ROWS ONLY")
                .params(filter.params(limit)).query(String.class).list().stream()
                .map(d -> json.readValue(d, TrainingSpecialOrder.class)).toList();
    }

    @Override
    public TrainingSpecialOrder specialOrderArrived(String orderNumber, String user,
            Consumer<TrainingSpecialOrder> check) {
        return tx.execute(status -> {
            TrainingSpecialOrder order = lockOrder(orderNumber);
            check.accept(order);
            OffsetDateTime now = OffsetDateTime.now(clock.withZone(store.zone()));
            TrainingSpecialOrder arrived = new TrainingSpecialOrder(order.orderNumber(), "ARRIVED", order.customerId(),
                    order.currency(), order.lines(), order.quotedTotal(), order.deposit(), order.balance(), order.note(),
                    order.orderedBy(), order.orderedAt(), user, now, null, null, null, null, null, null, null,
                    List.of(), true);
            updateOrder(arrived, now);
            return arrived;
        });
    }

    @Override
    public IdempotentResult<TrainingPickup> pickUpSpecialOrder(String orderNumber, String registerId, String drawerId,
            String clerk, PricedBasket basket, List<SaleOrder.Tender> tenders, Consumer<TrainingSpecialOrder> check,
            String idempotencyKey, String fingerprint) {
        List<SaleOrder.Tender> given = tenders == null ? List.of() : tenders;
        checkTenderTypes(given);
        return once(registerId, "training_special_order_step", clerk, idempotencyKey, fingerprint, TrainingPickup.class,
                () -> {
                    // lock order: the register's training counter (once), then the order's row
                    TrainingSpecialOrder order = lockOrder(orderNumber);
                    check.accept(order);
                    Money total = basket.total();
                    Money deposit = Money.of(new BigDecimal(order.deposit().amount()), total.currency());
                    Money credit = deposit.min(total);
                    if (!total.isGreaterThan(credit) && !given.isEmpty()) {
                        throw ProblemException.rule("nothing-to-pay", "Nothing to pay",
                                "The deposit (%s) covers the goods (%s): leave out the tenders.".formatted(deposit, total));
                    }
                    Settlement paid = total.isGreaterThan(credit) ? settle(total.minus(credit), given)
                            : Settlement.none(total.currency());
                    List<SaleView.Tender> saleTenders = new ArrayList<>();
                    saleTenders.add(new SaleView.Tender("DEPOSIT", credit.toString(), null, null, null, null, null,
                            orderNumber));
                    saleTenders.addAll(paid.tenders());
                    OffsetDateTime now = OffsetDateTime.now(clock.withZone(store.zone()));
                    SaleView sale = saleView(next(registerId), registerId, drawerId, clerk, basket, saleTenders, paid, now);
                    insertSale(sale, registerId, clerk, null, null, now);
                    TrainingSpecialOrder picked = new TrainingSpecialOrder(order.orderNumber(), "PICKED_UP",
                            order.customerId(), order.currency(), order.lines(), order.quotedTotal(), order.deposit(),
                            order.balance(), order.note(), order.orderedBy(), order.orderedAt(), order.arrivedBy(),
                            order.arrivedAt(), clerk, now, sale.receiptNumber(), null, null, null, null, List.of(), true);
                    updateOrder(picked, now);
                    TrainingPickup pickup = new TrainingPickup(picked, sale);
                    step(orderNumber, "PICKUP", clerk, idempotencyKey, fingerprint, pickup, now);
                    return pickup;
                });
    }

    @Override
    public IdempotentResult<TrainingSpecialOrder> cancelSpecialOrder(String orderNumber, String registerId,
            String drawerId, String clerk, String reason, Consumer<TrainingSpecialOrder> check, String idempotencyKey,
            String fingerprint) {
        return once(registerId, "training_special_order_step", clerk, idempotencyKey, fingerprint,
                TrainingSpecialOrder.class, () -> {
                    TrainingSpecialOrder order = lockOrder(orderNumber);
                    check.accept(order);
                    boolean cash = "CASH".equals(order.deposit().type());
                    // the deposit goes back as it came, on paper: cash out of the drawer, or to the card
                    TrainingSpecialOrder.Refund refund = new TrainingSpecialOrder.Refund(cash ? "CASH" : "CARD",
                            order.deposit().amount(), cash ? drawerId : "TRN-CARD-" + UUID.randomUUID());
                    OffsetDateTime now = OffsetDateTime.now(clock.withZone(store.zone()));
                    TrainingSpecialOrder cancelled = new TrainingSpecialOrder(order.orderNumber(), "CANCELLED",
                            order.customerId(), order.currency(), order.lines(), order.quotedTotal(), order.deposit(),
                            order.balance(), order.note(), order.orderedBy(), order.orderedAt(), order.arrivedBy(),
                            order.arrivedAt(), null, null, null, clerk, now, reason, refund, List.of(), true);
                    updateOrder(cancelled, now);
                    step(orderNumber, "CANCEL", clerk, idempotencyKey, fingerprint, cancelled, now);
                    return cancelled;
                });
    }

    @Override
    public void forgetCustomer(String customerId) {
        jdbc.sql("DELETE FROM training_special_order_step WHERE order_number IN (SELECT order_number FROM "
                + "training_special_order WHERE customer_id = ?)").param(customerId).update();
        jdbc.sql("DELETE FROM training_special_order WHERE customer_id = ?").param(customerId).update();
    }

    /** The training order's row lock: its steps one after the other. */
    private TrainingSpecialOrder lockOrder(String orderNumber) {
        return jdbc.sql("SELECT document FROM training_special_order WHERE order_number = ? FOR UPDATE")
                .param(orderNumber).query(String.class).optional()
                .map(d -> json.readValue(d, TrainingSpecialOrder.class))
                .orElseThrow(() -> ProblemException.notFound("Special order", orderNumber));
    }

    private void updateOrder(TrainingSpecialOrder order, OffsetDateTime now) {
        jdbc.sql("UPDATE training_special_order SET status = ?, document = ?, updated_at = ? WHERE order_number = ?")
                .params(order.status(), json.writeValueAsString(order), now, order.orderNumber()).update();
    }

    /** A step's answer under the clerk's key, for a repeat. */
    private void step(String orderNumber, String step, String clerk, String idempotencyKey, String fingerprint,
            Object answer, OffsetDateTime now) {
        if (idempotencyKey != null) {
            jdbc.sql("INSERT INTO training_special_order_step (idempotency_key, order_number, step, request_hash, document, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(key(clerk, idempotencyKey), orderNumber, step, fingerprint, json.writeValueAsString(answer),
                            now).update();
        }
    }

    private static void requireTrainingReceipt(String receiptNumber) {
        requireTrainingReceipt(receiptNumber, "returned");
    }

    private static void requireTrainingReceipt(String receiptNumber, String done) {
        if (receiptNumber == null || !receiptNumber.startsWith(PREFIX)) {
            throw ProblemException.rule("training-real-receipt", "Real receipt in training",
                    "In training only training receipts (%s...) can be %s; %s is a real one."
                            .formatted(PREFIX, done, receiptNumber));
        }
    }

    /** A voided training sale is not taken back (as a voided real one is not): 422 {@code sale-voided}. */
    private static SaleView requireNotVoided(SaleView sale) {
        if (SaleView.VOIDED.equals(sale.status())) {
            throw ProblemException.rule("sale-voided", "Sale voided",
                    "Sale %s was voided; there is nothing to return.".formatted(sale.receiptNumber()));
        }
        return sale;
    }

    private Map<Integer, Integer> returnedQuantities(String receiptNumber) {
        Map<Integer, Integer> returned = new HashMap<>();
        jdbc.sql("SELECT document FROM training_return WHERE receipt_number = ?").param(receiptNumber)
                .query(String.class).list().forEach(d -> json.readValue(d, TrainingReturn.class).lines()
                        .forEach(l -> returned.merge(l.lineNo(), l.quantity(), Integer::sum)));
        return returned;
    }

    private SaleView withReturned(SaleView sale) {
        Map<Integer, Integer> returned = returnedQuantities(sale.receiptNumber());
        if (returned.isEmpty()) {
            return sale;
        }
        List<SaleView.Line> lines = sale.lines().stream().map(l -> new SaleView.Line(l.lineNo(), l.sku(), l.name(),
                l.department(), l.quantity(), l.unitPrice(), l.discount(), l.net(), l.tax(), l.taxRate(), l.taxLetter(),
                returned.getOrDefault(l.lineNo(), 0))).toList();
        return new SaleView(sale.receiptNumber(), sale.status(), sale.storeId(), sale.registerId(), sale.drawerId(),
                sale.businessDate(), sale.completedAt(), sale.clerk(), sale.currency(), lines, sale.subtotal(),
                sale.discountTotal(), sale.taxTotal(), sale.total(), sale.taxes(), sale.tenders(), sale.totalPaid(),
                sale.change(), sale.cashRounding(), sale.pointsEarned(), sale.promotions(), sale.loyaltyCard(),
                sale.discounts(), sale.taxExemption());
    }

    /** The register's counter row exists (created in a transaction of its own, so a race on it aborts nothing). */
    private void ensureCounter(String registerId) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM training_counter WHERE register_id = ?").param(registerId)
                .query(Long.class).single() > 0;
        if (!exists) {
            try {
                tx.executeWithoutResult(status -> jdbc.sql(
                        "INSERT INTO training_counter (register_id, next_value) VALUES (?, 1)").param(registerId).update());
            } catch (DuplicateKeyException e) {
                // another request created it first
            }
        }
    }

    private void lockCounter(String registerId) {
        jdbc.sql("SELECT next_value FROM training_counter WHERE register_id = ? FOR UPDATE").param(registerId)
                .query(Long.class).single();
    }

    /** The register's next training number; the caller holds the counter's row lock. */
    private String next(String registerId) {
        return next(registerId, "");
    }

    /** The register's next training number with a kind's letters before the sequence (SO: special order). */
    private String next(String registerId, String kind) {
        long seq = jdbc.sql("SELECT next_value FROM training_counter WHERE register_id = ?").param(registerId)
                .query(Long.class).single();
        jdbc.sql("UPDATE training_counter SET next_value = next_value + 1 WHERE register_id = ?").param(registerId).update();
        return "%s%s-%s%06d".formatted(PREFIX, registerId, kind, seq);
    }

    /** The key a repeat is found by: the clerk's and the request's, never card data. */
    private static String key(String clerk, String idempotencyKey) {
        return clerk + ":" + idempotencyKey;
    }

    /** The simulator's documented declines (payment.simulator.MagicAmounts): amounts ending .51, .05 or .91. */
    private static String declineCode(Money amount) {
        return switch ((int) (amount.minorUnits() % 100)) {
            case 51 -> "51";
            case 5 -> "05";
            case 91 -> "91";
            default -> null;
        };
    }

    private static String pan(SaleOrder.Card card) {
        if (card == null) {
            return null;
        }
        if (card.pan() != null) {
            return card.pan();
        }
        if (card.track2() != null) {
            String digits = card.track2().replaceAll("^;", "").split("[=D]")[0];
            return digits.matches("[0-9]{12,19}") ? digits : null;
        }
        return null;
    }

    private static String brand(String pan) {
        return switch (pan.charAt(0)) {
            case '4' -> "VISA";
            case '5', '2' -> "MASTERCARD";
            default -> "CARD";
        };
    }
}
