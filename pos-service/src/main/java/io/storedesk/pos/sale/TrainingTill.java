package io.storedesk.pos.sale;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.storedesk.pos.common.Money;

import io.storedesk.pos.common.IdempotentResult;

/**
 * The till of users and registers in training (ADR 0005), implemented by the training module, which
 * cannot reach the books: the sale, returns and printing endpoints ask {@link #activeFor} first and,
 * when it answers yes, hand the request here instead of to the real services. Training documents are
 * numbered {@code TRN-<register>-<seq>}.
 */
public interface TrainingTill {

    /** The prefix of every training document number. */
    String PREFIX = "TRN-";

    /** Whether the user or the register is in training (one indexed read). */
    boolean activeFor(String user, String registerId);

    /**
     * Completes a training sale of the basket priced by the sale module: cash and cards (the bundled
     * simulator only); 422 {@code training-card-needs-simulator} for a card when the acquirer is not the
     * bundled simulator, 422 {@code training-tender-not-supported} for store credit and points.
     *
     * @param idempotencyKey null, or the request's key: a repeat with the same fingerprint answers the stored
     *                       sale (replayed), another request with it is 422 {@code idempotency-key-reused}
     * @param fingerprint    the request's fingerprint without card data ({@code common.Idempotency#fingerprint}),
     *                       null without a key
     */
    IdempotentResult<SaleView> sell(String registerId, String drawerId, String clerk, PricedBasket basket,
            List<SaleOrder.Tender> tenders, String idempotencyKey, String fingerprint);

    /** A training sale by its {@code TRN-} number. */
    Optional<SaleView> find(String receiptNumber);

    /**
     * Post-voids a training sale (issue 24). Under the register's training counter row lock, then the sale's row lock,
     * {@code check} runs on the sale as it stands (its returned quantities counted: the real void's rules) and then
     * {@code approve} (the manager's approval, answering who approved); the sale reads back VOIDED. A card tender is
     * reversed by the bundled simulator's rules (a reversal is always approved) without a message on the link; cash
     * goes back on paper. 422 {@code training-real-receipt} for a real receipt number, 404 for an unknown training
     * one; the key and fingerprint as for {@link #sell} (a repeat answers the stored void).
     */
    IdempotentResult<SaleView> voidSale(String receiptNumber, String clerk, String reason, Consumer<SaleView> check,
            Supplier<String> approve, String idempotencyKey, String fingerprint);

    /**
     * A paid-in or paid-out at a drawer in training (issue 24): the drawer module has checked the drawer is open
     * and in the clerk's charge, the type, amount and reason as for a real movement; the till numbers it
     * {@code TRN-<register>-M<seq>} from the register's training counter and keeps it apart from the drawer's
     * postings. The key and fingerprint as for {@link #sell}.
     */
    IdempotentResult<TrainingCashMovement> cashMovement(String registerId, String drawerId, Supplier<UUID> session,
            String clerk, String type, Money amount, String reason, String idempotencyKey, String fingerprint);

    /**
     * A no-sale opening of a drawer in training (issue 24), numbered as a cash movement (type {@code NO_SALE},
     * amount null) and kept with them; it kicks no drawer and is journaled nowhere. The key and fingerprint as for
     * {@link #sell}.
     */
    IdempotentResult<TrainingCashMovement> noSale(String registerId, String drawerId, Supplier<UUID> session, String clerk,
            String reason, String idempotencyKey, String fingerprint);

    /**
     * A training cash movement or no-sale as the API answers it: the fields of the real answer (a real no-sale's
     * {@code journalSequence} is always null: nothing is journaled), its {@code TRN-} number and {@code training},
     * always true.
     */
    record TrainingCashMovement(String movementNumber, String drawerId, UUID sessionId, String type, String amount,
            String reason, String user, Long journalSequence, OffsetDateTime at, boolean training) {
    }

    /**
     * Returns lines of a training sale; the refund goes back (on paper) to the sale's tenders, cash last, or all
     * in cash when {@code allInCash} (refund method CASH). 422 {@code training-real-receipt} for a receipt number
     * that is not a training one; the key and fingerprint as for {@link #sell}.
     */
    IdempotentResult<TrainingReturn> returnGoods(String registerId, String drawerId, String clerk, String receiptNumber,
            List<ReturnedLine> lines, boolean allInCash, String idempotencyKey, String fingerprint);

    /**
     * An exchange in training: lines of a training sale come back and the new basket (priced by the sale module)
     * goes out, in one transaction under the register's training counter. The returned goods' value (what was
     * paid for them) pays the new basket first as an EXCHANGE credit; the tenders (cash, simulator cards) pay
     * what the new goods cost beyond it, or the rest is paid back as {@link #returnGoods} pays back. 422
     * {@code training-real-receipt} for a real receipt, {@code nothing-to-pay} for tenders when the returned goods
     * cover the new ones; the key and fingerprint as for {@link #sell}.
     */
    IdempotentResult<TrainingExchange> exchange(String registerId, String drawerId, String clerk, String receiptNumber,
            List<ReturnedLine> lines, boolean allInCash, PricedBasket basket, List<SaleOrder.Tender> tenders,
            String idempotencyKey, String fingerprint);

    /**
     * A special order taken in training: the customer module has checked the customer, the lines and the deposit
     * as for a real order; the till numbers it {@code TRN-<register>-SO<seq>} and keeps it apart from the real
     * orders. A CARD deposit is approved as a training card sale's (the bundled simulator only, its documented
     * declines), a CASH one is taken on paper. The key and fingerprint as for {@link #sell}.
     */
    IdempotentResult<TrainingSpecialOrder> orderSpecial(String registerId, String drawerId, String clerk,
            NewSpecialOrder order, SaleOrder.Card card, String idempotencyKey, String fingerprint);

    /** A training special order by its {@code TRN-} number. */
    Optional<TrainingSpecialOrder> findSpecialOrder(String orderNumber);

    /** Training special orders, newest first, of a customer and in a status when given. */
    List<TrainingSpecialOrder> specialOrders(String customerId, String status, int limit);

    /**
     * Marks the training order ARRIVED under its row lock, after {@code check} (run under the lock) accepts it;
     * nothing is e-mailed in training.
     */
    TrainingSpecialOrder specialOrderArrived(String orderNumber, String user, Consumer<TrainingSpecialOrder> check);

    /**
     * Picks up a training order: {@code check} runs under the order's row lock (after the register's training
     * counter), then the basket (priced by the sale module) is sold as a training sale in which the deposit pays
     * first (tender DEPOSIT) and the tenders pay the rest; the order is PICKED_UP with the training receipt.
     */
    IdempotentResult<TrainingPickup> pickUpSpecialOrder(String orderNumber, String registerId, String drawerId,
            String clerk, PricedBasket basket, List<SaleOrder.Tender> tenders, Consumer<TrainingSpecialOrder> check,
            String idempotencyKey, String fingerprint);

    /** Cancels a training order after {@code check} (under its row lock); the deposit goes back on paper. */
    IdempotentResult<TrainingSpecialOrder> cancelSpecialOrder(String orderNumber, String registerId, String drawerId,
            String clerk, String reason, Consumer<TrainingSpecialOrder> check, String idempotencyKey,
            String fingerprint);

    /** Deletes the training special orders of an erased customer (in the erasure's transaction). */
    void forgetCustomer(String customerId);

    /** A special order to take in training, checked by the customer module. */
    record NewSpecialOrder(String customerId, List<TrainingSpecialOrder.Line> lines, Money quotedTotal,
            String depositType, Money deposit, String note) {
    }

    /**
     * A training special order as the API answers it: the fields of a real order's view, with {@code emails}
     * always empty (no e-mail goes out in training) and {@code training}, always true.
     */
    record TrainingSpecialOrder(String orderNumber, String status, String customerId, String currency,
            List<Line> lines, String quotedTotal, Deposit deposit, String balance, String note, String orderedBy,
            OffsetDateTime orderedAt, String arrivedBy, OffsetDateTime arrivedAt, String pickedUpBy,
            OffsetDateTime pickedUpAt, String receiptNumber, String cancelledBy, OffsetDateTime cancelledAt,
            String cancelReason, Refund refund, List<Object> emails, boolean training) {

        public record Line(int lineNo, String sku, String name, int quantity, String unitPrice) {
        }

        public record Deposit(String type, String amount, String maskedPan, String drawerId, String registerId) {
        }

        public record Refund(String type, String amount, String reference) {
        }
    }

    /** The answer to a training pickup: the order, now PICKED_UP, and the training sale. */
    record TrainingPickup(TrainingSpecialOrder order, SaleView sale) {
    }

    /** A training return by its {@code TRN-} number, as it was answered. */
    Optional<TrainingReturn> findReturn(String returnNumber);

    /**
     * A training exchange as the API answers it: the fields of a real exchange's view, with the training return
     * and the training sale, and {@code training}, always true.
     *
     * @param difference what the customer paid (positive) or got back (negative): new total minus returned value
     */
    record TrainingExchange(String receiptNumber, String currency, String returnedValue, String newTotal,
            String difference, TrainingReturn returned, SaleView sale, boolean training) {
    }

    /** A line taken back: the sale's line number, how many, why and whether it goes back on the shelf. */
    record ReturnedLine(int lineNo, int quantity, String reason, boolean restock) {
    }

    /**
     * A training return as the API answers it: the fields of a real return's view that a training return has
     * (refundTotal is what is paid back, cash rounded; cashRounding what the rounding added), the items' names,
     * and {@code training}, always true.
     */
    record TrainingReturn(String returnNumber, String receiptNumber, String registerId, String drawerId,
            LocalDate businessDate, OffsetDateTime completedAt, String clerk, String currency, String refundMethod,
            String refundTotal, String cashRounding, List<Refund> refunds, List<Line> lines, boolean training) {

        public record Line(int lineNo, String sku, String name, int quantity, String reason, Boolean restock,
                String refund) {
        }

        public record Refund(String type, String amount, String maskedPan) {
        }
    }
}
