package io.storedesk.pos.sale.internal;

import io.storedesk.pos.common.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts returned quantities on sold lines. One conditional UPDATE per line adds the quantity
 * only while the total stays within what was sold, so concurrent returns of the same line can
 * never return more than was sold; the table's CHECK constraint is the last line of defence.
 */
@Component
class ReturnedQuantities {

    private final JdbcClient jdbc;

    ReturnedQuantities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void add(String receiptNumber, int lineNo, int quantity) {
        if (quantity <= 0) {
            throw ProblemException.badRequest("invalid-quantity", "Invalid quantity",
                    "A returned quantity must be more than zero.");
        }
        int updated = jdbc.sql("UPDATE sale_line SET returned_quantity = returned_quantity + ? "
                        + "WHERE sale_id = (SELECT id FROM sale WHERE receipt_number = ?) AND line_no = ? "
                        + "AND returned_quantity + ? <= quantity")
                .params(quantity, receiptNumber, lineNo, quantity).update();
        if (updated == 1) {
            return;
        }
        int left = jdbc.sql("SELECT l.quantity - l.returned_quantity FROM sale_line l "
                        + "JOIN sale s ON s.id = l.sale_id WHERE s.receipt_number = ? AND l.line_no = ?")
                .params(receiptNumber, lineNo).query(Integer.class).optional()
                .orElseThrow(() -> ProblemException.rule("unknown-sale-line", "Unknown sale line",
                        "Sale %s has no line %d.".formatted(receiptNumber, lineNo)).with("lineNo", lineNo));
        throw ProblemException.rule("return-quantity-exceeded", "Return quantity exceeded",
                "Line %d of %s: %d asked, only %d left to return.".formatted(lineNo, receiptNumber, quantity, left))
                .with("lineNo", lineNo).with("remaining", left);
    }
}
