package io.storedesk.pos.printing.internal;

import io.storedesk.pos.common.StoreOnly;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.NoSaleOpened;
import io.storedesk.pos.printing.PrintingProperties;
import io.storedesk.pos.returns.ReturnCompleted;
import io.storedesk.pos.sale.SaleCompleted;
import io.storedesk.receipt.escpos.EscPosCommands;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Kicks the drawer open through the register's receipt printer (ESC p): after a no-sale open has
 * been journaled, and after a sale or a return with cash in or out has committed. The sale or
 * open is on record either way; a printer that does not answer is logged.
 * <p>
 * Cash sales and refunds are kicked from a plain listener that registers an after-commit callback
 * and hands the pulse to one background thread: the sale's answer does not wait for the printer,
 * a rolled-back sale kicks nothing, and no event publication row is written per sale (a kick that
 * was missed must not fire hours later when outstanding publications are replayed). Registers
 * without a printer cost nothing.
 */
@StoreOnly
@Component
class DrawerKicks {

    private static final Logger log = LoggerFactory.getLogger(DrawerKicks.class);
    private static final String CASH = "CASH";

    private final ReceiptPrinters printers;
    private final PrintingProperties properties;
    private final ExecutorService kicker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drawer-kick");
        t.setDaemon(true);
        return t;
    });

    DrawerKicks(ReceiptPrinters printers, PrintingProperties properties) {
        this.printers = printers;
        this.properties = properties;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(NoSaleOpened event) {
        kick(event.registerId(), event.drawerId());
    }

    @EventListener
    void on(SaleCompleted sale) {
        if (sale.tenders().stream().anyMatch(t -> CASH.equals(t.type()))) {
            afterCommit(sale.registerId(), sale.drawerId());
        }
    }

    @EventListener
    void on(ReturnCompleted refund) {
        if (refund.refunds().stream().anyMatch(r -> CASH.equals(r.type()))) {
            afterCommit(refund.registerId(), refund.drawerId());
        }
    }

    private void afterCommit(String registerId, String drawerId) {
        if (!properties.cashDrawerKick() || !printers.has(registerId)) {
            return;
        }
        Runnable kick = () -> kicker.execute(() -> kick(registerId, drawerId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    kick.run();
                }
            });
        } else {
            kick.run();
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

    @PreDestroy
    void stop() {
        kicker.shutdown();
    }
}
