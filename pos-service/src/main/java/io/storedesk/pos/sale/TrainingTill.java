package io.storedesk.pos.sale;

import java.util.List;
import java.util.Optional;

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
     * @param idempotencyKey null, or the request's key: a repeat answers the stored sale
     */
    SaleView sell(String registerId, String drawerId, String clerk, PricedBasket basket,
            List<SaleOrder.Tender> tenders, String idempotencyKey);

    /** A training sale by its {@code TRN-} number. */
    Optional<SaleView> find(String receiptNumber);

    /**
     * Returns lines of a training sale; the refund goes back (on paper) to the sale's tenders, cash last.
     * 422 {@code training-real-receipt} for a receipt number that is not a training one.
     */
    TrainingReturn returnGoods(String registerId, String drawerId, String clerk, String receiptNumber,
            List<ReturnedLine> lines, String idempotencyKey);

    /** A line taken back: the sale's line number and how many. */
    record ReturnedLine(int lineNo, int quantity) {
    }

    /** A training return as the API answers it; {@code training} is always true. */
    record TrainingReturn(String returnNumber, String receiptNumber, String registerId, String drawerId,
            String clerk, java.time.OffsetDateTime completedAt, String currency, List<Line> lines, String refundTotal,
            List<Refund> refunds, boolean training) {

        public record Line(int lineNo, String sku, String name, int quantity, String refund) {
        }

        public record Refund(String type, String amount) {
        }
    }
}
