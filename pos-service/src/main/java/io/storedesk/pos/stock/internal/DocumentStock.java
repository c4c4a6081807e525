package io.storedesk.pos.stock.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.storedesk.pos.returns.ReturnCompleted;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.sale.SaleCompleted;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.SaleVoided;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Moves stock with the documents that move goods: a sale takes its lines off the shelf, a post-void
 * puts them back, a return puts back only the lines marked {@code restock} (a line not restocked
 * moves nothing), an exchange does both through its return and its new sale.
 *
 * <p>Plain synchronous {@link EventListener}s, like the outbox recorder and the points reversals:
 * they run inside the document's transaction and hand the movements to
 * {@link StockLedger#moveAtCommit}, which writes them in that same transaction just before it
 * commits, so they commit or roll back with the document (durability by the database, nothing
 * replayed after a commit) and the stock rows are the last rows the transaction locks, in SKU order
 * (docs/locking.md, lock 10), also when an exchange records a return and then a sale.
 */
@Component
class DocumentStock {

    private final StockLedger ledger;
    private final Clock clock;

    DocumentStock(StockLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(SaleCompleted sale) {
        Map<String, Integer> deltas = new HashMap<>();
        for (SaleView.Line l : sale.lines()) {
            if (l.giftCard() == null) { // a gift card sold is no goods
                deltas.merge(l.sku(), -l.quantity(), Integer::sum);
            }
        }
        ledger.moveAtCommit(StockLedger.Reason.SALE, null, sale.receiptNumber(), sale.clerk(), sale.completedAt(), deltas);
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(SaleVoided voided) {
        Map<String, Integer> deltas = new HashMap<>();
        for (SaleView.Line l : voided.lines()) {
            if (l.giftCard() != null) {
                continue;
            }
            deltas.merge(l.sku(), l.quantity() - l.returnedQuantity(), Integer::sum);
        }
        ledger.moveAtCommit(StockLedger.Reason.POST_VOID, voided.reason(), voided.receiptNumber(), voided.voidedBy(),
                voided.voidedAt(), deltas);
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(ReturnCompleted returned) {
        Map<String, Integer> deltas = new HashMap<>();
        for (ReturnView.Line l : returned.lines()) {
            if (l.restock()) {
                deltas.merge(l.sku(), l.quantity(), Integer::sum);
            }
        }
        ledger.moveAtCommit(StockLedger.Reason.RETURN_RESTOCKED, null, returned.returnNumber(), returned.clerk(),
                clock.instant(), deltas);
    }
}
