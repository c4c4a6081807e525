package io.storedesk.pos.printing.internal;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.NoSaleOpened;
import io.storedesk.receipt.escpos.EscPosCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Kicks the drawer open through the register's receipt printer once a no-sale open has been
 * journaled. The open is on record either way; a printer that does not answer is logged.
 */
@Component
class DrawerKicks {

    private static final Logger log = LoggerFactory.getLogger(DrawerKicks.class);

    private final ReceiptPrinters printers;

    DrawerKicks(ReceiptPrinters printers) {
        this.printers = printers;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(NoSaleOpened event) {
        try {
            printers.send(event.registerId(), EscPosCommands.drawerKick());
        } catch (ProblemException e) {
            log.warn("Drawer {} was not kicked open: {}", event.drawerId(), e.getMessage());
        }
    }
}
