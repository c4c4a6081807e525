package io.storedesk.pos.sale.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;

import io.storedesk.pos.common.Idempotency;
import io.storedesk.pos.common.IdempotentResult;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.CashPosting;
import io.storedesk.pos.drawer.PostingType;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.identity.ManagerApprovals;
import io.storedesk.pos.sale.SaleStatus;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.TenderType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Post-voids sales. The rules are the {@link Sale}'s ({@link Sale#checkVoidable}, {@link Sale#voided}); this
 * service loads the sale, takes the locks, asks for the manager's approval and moves the money back.
 */
@Service
class PostVoids {

    private final SaleRepository sales;
    private final SaleVoids voids;
    private final SaleBooks books;
    private final Tendering tendering;
    private final CashDrawers drawers;
    private final ManagerApprovals approvals;
    private final Idempotency idempotency;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    PostVoids(SaleRepository sales, SaleVoids voids, SaleBooks books, Tendering tendering,
            CashDrawers drawers, ManagerApprovals approvals, Idempotency idempotency,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.sales = sales;
        this.voids = voids;
        this.books = books;
        this.tendering = tendering;
        this.drawers = drawers;
        this.approvals = approvals;
        this.idempotency = idempotency;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Post-voids a sale of the current business day with a manager's approval. The checks are made
     * once before the approval is asked for (a quick answer), and again, deciding, in the void's
     * transaction under the business-day, drawer and sale locks (docs/locking.md), so a return or
     * exchange of the same sale racing the void either commits first (and the void is refused) or
     * sees the sale voided. In that transaction the card reversals are queued (the 0400s go out
     * after the commit, and are retried until acknowledged, across restarts), the cash goes back out
     * of the drawer, ledger tenders are given back, the void is stored, the day's totals lose the
     * sale and the void is journaled: all of it or none. The sale itself is never changed or
     * deleted; it shows as VOIDED. A sale with returns cannot be voided (return the rest instead).
     */
    IdempotentResult<SaleView> voidSale(String receiptNumber, SaleRequests.Void request, String idempotencyKey,
            String clerk) {
        Object fingerprint = new Object[] {clerk, receiptNumber, request};
        var earlier = idempotency.find("void", idempotencyKey, fingerprint, SaleView.class);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Sale found = readOnly.execute(s -> {
            Sale sale = sales.find(receiptNumber)
                    .orElseThrow(() -> ProblemException.notFound("Sale", receiptNumber));
            CurrentUser.requireRegister(sale.registerId());
            sale.checkVoidable(status(sale), drawers.businessDate(sale.drawerId()));
            return sale;
        });
        String approvedBy = approvals.require(request.approval(), "post-void", clerk,
                "Voiding sale %s (%s %s) needs a manager's approval.".formatted(receiptNumber, found.totalMoney(),
                        found.currency())).manager();
        return idempotency.execute("void", idempotencyKey, fingerprint, SaleView.class, () -> {
            LocalDate current = drawers.holdDay(found.drawerId()); // locks 1 and 2 (docs/locking.md)
            Sale sale = sales.lockAndLoad(receiptNumber); // lock 4, the sale loaded under it
            SaleVoid voided = sale.voided(status(sale), current, clerk, approvedBy, request.reason(), clock.instant());
            giveBack(sale, request.reason(), clerk, voided.cashBack());
            return books.voided(sale, voided);
        });
    }

    private SaleStatus status(Sale sale) {
        return voids.isVoided(sale.receiptNumber()) ? SaleStatus.VOIDED : SaleStatus.COMPLETED;
    }

    /**
     * The money back: card payments reversed after the commit, ledger tenders (store credit, points, gift card)
     * given back, every tender's drawer record undone and the cash paid back out of the drawer.
     */
    private void giveBack(Sale sale, String reason, String clerk, Money cashBack) {
        Currency currency = Currency.getInstance(sale.currency());
        String receiptNumber = sale.receiptNumber();
        for (SaleTender t : sale.tenders()) {
            Money amount = Money.of(t.amount, currency);
            TenderType type = TenderType.valueOf(t.type);
            switch (type) {
                case CASH -> {
                    // paid back below, in one posting
                }
                case CARD -> {
                    tendering.reverseOnCommit(t.reference, "post-void of " + receiptNumber + ": " + reason);
                    drawers.recordTender(sale.drawerId(), t.type, amount.negate(), receiptNumber, clerk);
                }
                case STORE_CREDIT, LOYALTY_POINTS, GIFT_CARD -> { // a gift card: a REFUND op through the outbox
                    tendering.giveBack(type, t.reference, amount, "VOID " + receiptNumber, clerk);
                    drawers.recordTender(sale.drawerId(), t.type, amount.negate(), receiptNumber, clerk);
                }
                case EXCHANGE, DEPOSIT -> drawers.recordTender(sale.drawerId(), t.type, amount.negate(), receiptNumber, clerk);
            }
        }
        if (cashBack.isPositive()) {
            drawers.post(sale.drawerId(), new CashPosting(PostingType.REFUND, cashBack.negate(), receiptNumber,
                    "void: " + reason, clerk));
        }
    }
}
