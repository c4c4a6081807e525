package io.storedesk.pos.headoffice;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Store events built by hand exactly as docs/sync-protocol.md describes them (what a store's
 * outbox sends), for head-office tests.
 */
final class HeadOfficeEvents {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private HeadOfficeEvents() {
    }

    static String batch(String... events) {
        return batch(List.of(events));
    }

    static String batch(List<String> events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }

    static String event(String type, String payload) {
        return event(UUID.randomUUID().toString(), type, payload);
    }

    static String event(String eventId, String type, String payload) {
        return """
                {"eventId":"%s","sequence":%d,"type":"%s","occurredAt":"2026-11-24T09:15:02.123456Z","payload":%s}"""
                .formatted(eventId, SEQUENCE.incrementAndGet(), type, payload);
    }

    /** A line: {@code {lineNo, sku, department, quantity, unitPrice, discount, net, tax, taxRate}}. */
    static String line(int lineNo, String department, int quantity, String unitPrice, String discount, String net,
            String tax, String taxRate) {
        return """
                {"lineNo":%d,"sku":"SKU-%d","department":"%s","quantity":%d,"unitPrice":"%s","discount":"%s",\
                "net":"%s","tax":"%s","taxRate":"%s"}""".formatted(lineNo, lineNo, department, quantity, unitPrice,
                discount, net, tax, taxRate);
    }

    static String tender(String type, String amount) {
        return "{\"type\":\"%s\",\"amount\":\"%s\"}".formatted(type, amount);
    }

    static String sale(String storeId, String receiptNumber, String businessDate, String hour, String currency,
            String subtotal, String discountTotal, String total, String taxTotal, String cashRounding,
            List<String> lines, List<String> tenders) {
        return event("SALE_COMPLETED", """
                {"receiptNumber":"%s","storeId":"%s","registerId":"R01","drawerId":"D1","businessDate":"%s",\
                "hour":"%s","clerk":"clerk","completedAt":"%sT%s:15:02.123456Z","currency":"%s","subtotal":"%s",\
                "discountTotal":"%s","total":"%s","taxTotal":"%s","cashRounding":"%s","loyaltyCard":null,\
                "lines":[%s],"tenders":[%s]}""".formatted(receiptNumber, storeId, businessDate, hour, businessDate, hour,
                currency, subtotal, discountTotal, total, taxTotal, cashRounding, String.join(",", lines),
                String.join(",", tenders)));
    }

    static String voided(String storeId, String receiptNumber, String businessDate, String currency, String total) {
        return event("SALE_VOIDED", """
                {"receiptNumber":"%s","storeId":"%s","registerId":"R01","businessDate":"%s","voidedBy":"clerk",\
                "approvedBy":"manager","reason":"wrong item","voidedAt":"%sT12:00:00Z","currency":"%s","total":"%s"}"""
                .formatted(receiptNumber, storeId, businessDate, businessDate, currency, total));
    }

    static String returned(String storeId, String returnNumber, String receiptNumber, String businessDate,
            String currency, String refundTotal, String cashRounding, String refundType) {
        return event("RETURN_COMPLETED", """
                {"returnNumber":"%s","receiptNumber":"%s","storeId":"%s","registerId":"R01","drawerId":"D1",\
                "businessDate":"%s","clerk":"clerk","currency":"%s","refundTotal":"%s","cashRounding":"%s",\
                "lines":[{"lineNo":1,"sku":"SKU-1","department":"FOOD","quantity":1,"reason":"DEFECTIVE","refund":"%s"}],\
                "refunds":[{"type":"%s","amount":"%s"}]}""".formatted(returnNumber, receiptNumber, storeId,
                businessDate, currency, refundTotal, cashRounding, refundTotal, refundType, refundTotal));
    }

    static String loyalty(String storeId, String entryId, String card, String entryType, long points) {
        return event("LOYALTY_ENTRY", """
                {"entryId":"%s","storeId":"%s","card":"%s","entryType":"%s","points":%d,"receiptNumber":"%s-R01-1",\
                "document":null,"occurredAt":"2026-11-24T09:15:02.123456Z"}""".formatted(entryId, storeId, card,
                entryType, points, storeId));
    }

    static String caseOpened(String storeId, String caseNumber) {
        return event("CASE_OPENED", """
                {"caseNumber":"%s","storeId":"%s","customerId":null,"category":"QUESTION","openedBy":"clerk",\
                "openedAt":"2026-11-24T09:15:02Z"}""".formatted(caseNumber, storeId));
    }

    static String drawerClosed(String storeId) {
        return event("DRAWER_CLOSED", """
                {"drawerId":"D1","registerId":"R01","storeId":"%s","sessionId":"%s","businessDate":"2026-11-24",\
                "closedBy":"manager","currency":"EUR","expectedCash":"150.00","countedCash":"150.00","variance":"0.00"}"""
                .formatted(storeId, UUID.randomUUID()));
    }

    /** A Z_REPORT with the day's counters (what the store's outbox sends when it closes the day). */
    static String zReport(String storeId, long zNumber, String businessDate, long salesCount, String salesTotal,
            long voidsCount, String voids, long returnsCount, String returns, String netSales) {
        return event("Z_REPORT", """
                {"zNumber":%d,"storeId":"%s","businessDate":"%s","closedBy":"manager","currency":"EUR",\
                "salesCount":%d,"netSales":"%s","salesTotal":"%s","voidsCount":%d,"voids":"%s","returnsCount":%d,\
                "returns":"%s"}""".formatted(zNumber, storeId, businessDate, salesCount, netSales, salesTotal,
                voidsCount, voids, returnsCount, returns));
    }
}
