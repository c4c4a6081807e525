package io.storedesk.pos.returns;

import io.storedesk.pos.sale.SaleView;

/**
 * An exchange: the return of goods of an earlier sale and the sale of new goods, recorded
 * together. Amounts are strings.
 *
 * @param difference what the customer paid (positive) or got back (negative): new total minus returned value
 */
public record ExchangeView(String receiptNumber, String currency, String returnedValue, String newTotal,
        String difference, ReturnView returned, SaleView sale) {
}
