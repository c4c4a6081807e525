package io.storedesk.pos.printing.internal;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreOnly;
import io.storedesk.pos.drawer.NoSaleOpened;
import io.storedesk.pos.printing.documents.PrintingProperties;
import io.storedesk.pos.printing.documents.ReceiptPrinters;
import io.storedesk.pos.returns.ReturnCompleted;
import io.storedesk.pos.sale.SaleCompleted;
import io.storedesk.receipt.escpos.EscPosCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Kicks the drawer open through the register's receipt printer (ESC p): after a no-sale open has
 * been journaled, and after a sale or a return with cash in or out has committed. The sale or
 * open is on record either way; a printer that does not answer is logged.
 * <p>
 * Cash sales and refunds are kicked after their commit on Spring's task executor: the sale's answer
 * does not wait for the printer, a rolled-back sale kicks nothing, and nothing is persisted per
 * sale (a kick that was missed must not fire hours later). Registers without a printer cost nothing.
 */
@StoreOnly
@Component
class DrawerKicks {

    private static final Logger log = LoggerFactory.getLogger(DrawerKicks.class);
    private static final String CASH = "CASH";

    private final ReceiptPrinters printers;
    private final PrintingProperties properties;
    private final TaskExecutor kicker;

    DrawerKicks(ReceiptPrinters printers, PrintingProperties properties, @Qualifier("applicationTaskExecutor") TaskExecutor kicker) {
        this.kicker = kicker;
        this.printers = printers;
        this.properties = properties;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(NoSaleOpened event) {
        kick(event.registerId(), event.drawerId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SaleCompleted sale) {
        if (sale.tenders().stream().anyMatch(t -> CASH.equals(t.type()))) {
            kickInBackground(sale.registerId(), sale.drawerId());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ReturnCompleted refund) {
        if (refund.refunds().stream().anyMatch(r -> CASH.equals(r.type()))) {
            kickInBackground(refund.registerId(), refund.drawerId());
        }
    }

    private void kickInBackground(String registerId, String drawerId) {
        if (properties.cashDrawerKick() && printers.has(registerId)) {
            kicker.execute(() -> kick(registerId, drawerId));
        }
    }

    private void kick(String registerId, String drawerId) {
        try {
            printers.send(registerId, EscPosCommands.drawerKick(), false);
        } catch (ProblemException e) {
            log.warn("Drawer {} was not kicked open: {}", drawerId, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Drawer {} was not kicked open", drawerId, e);
        }
    }

}
