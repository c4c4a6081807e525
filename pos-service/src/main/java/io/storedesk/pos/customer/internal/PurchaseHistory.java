package io.storedesk.pos.customer.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.customer.CustomerProperties;
import io.storedesk.pos.customer.CustomerView;
import io.storedesk.pos.returns.ReturnView;
import io.storedesk.pos.returns.Returns;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.pos.sale.Sales;
import org.springframework.stereotype.Component;

/**
 * A customer's purchases: the sales made with their loyalty card and the returns of those
 * sales, newest first. A customer without a card (or an erased one) has no history here.
 */
@Component
class PurchaseHistory {

    private final CustomerStore customers;
    private final Sales sales;
    private final Returns returns;
    private final CustomerProperties properties;

    PurchaseHistory(CustomerStore customers, Sales sales, Returns returns, CustomerProperties properties) {
        this.customers = customers;
        this.sales = sales;
        this.returns = returns;
        this.properties = properties;
    }

    /** A sale (COMPLETED or VOIDED) or a return in the history; {@code amount} is the sale's total or what the return refunded. */
    record Purchase(String type, String status, String number, String receiptNumber, LocalDate businessDate, OffsetDateTime at,
            String registerId, String currency, String amount, List<Item> items) {
    }

    record Item(int lineNo, String sku, String name, int quantity, String amount) {
    }

    List<Purchase> of(UUID customerId) {
        CustomerView c = customers.find(customerId)
                .orElseThrow(() -> ProblemException.notFound("Customer", customerId.toString()));
        if (c.loyaltyCard() == null) {
            return List.of();
        }
        List<SaleView> sold = sales.findByLoyaltyCard(c.loyaltyCard(), properties.historyLimit());
        List<Purchase> history = new ArrayList<>();
        for (SaleView s : sold) {
            history.add(new Purchase("SALE", s.status(), s.receiptNumber(), s.receiptNumber(), s.businessDate(), s.completedAt(),
                    s.registerId(), s.currency(), s.total(), s.lines().stream().map(l -> new Item(l.lineNo(), l.sku(),
                            l.name(), l.quantity(), l.net())).toList()));
        }
        if (!sold.isEmpty()) {
            for (ReturnView r : returns.ofSales(sold.stream().map(SaleView::receiptNumber).toList())) {
                history.add(new Purchase("RETURN", "COMPLETED", r.returnNumber(), r.receiptNumber(), r.businessDate(),
                        r.completedAt(), r.registerId(), r.currency(), r.refundTotal(), r.lines().stream()
                                .map(l -> new Item(l.lineNo(), l.sku(), null, l.quantity(), l.refund())).toList()));
            }
        }
        history.sort(Comparator.comparing(Purchase::at).reversed().thenComparing(Purchase::number,
                Comparator.reverseOrder()));
        return history;
    }
}
