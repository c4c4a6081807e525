package io.storedesk.pos.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The Z report of a closed business day, as taken at the close (stored as this JSON and read back). Amounts are
 * strings ("12.30"), written once when the report is taken.
 *
 * @param salesTotal      what the day's sales took (gross less discounts, tax included)
 * @param salesCount      sales of the day that stand (post-voided sales are not counted, nor in the totals)
 * @param returns         what the day's returns refunded
 * @param voids           what the day's post-voided sales had totalled; {@code voidsCount} how many
 * @param netSales        sales total less returns
 * @param drawers         the day's drawer sessions, all closed
 * @param variancesByUser drawer count variances summed per user in charge of the drawer
 * @param manualDiscounts price overrides and manual discounts by reason and by clerk (null in Z reports taken
 *                        before they existed)
 * @param taxExempt       tax-exempt sales apart: count and net by reason (null in Z reports taken before they existed)
 * @param giftCardsSold   gift cards sold and reloaded (issue 26), apart: a liability, in none of the sales, tax or
 *                        department figures, while what paid for them is in {@code tenders}; so sales total + cash
 *                        rounding + gift cards sold = the tenders (null in Z reports taken before it existed)
 */
public record ZReport(long zNumber, String storeId, LocalDate businessDate, OffsetDateTime closedAt, String closedBy,
        String currency, long salesCount, String grossSales, String discounts, String salesTotal, String returns,
        long returnsCount,
        String voids, long voidsCount, String netSales, String taxTotal, String cashRounding,
        Map<String, Map<String, String>> taxByRate, Map<String, String> tenders, Map<String, String> byDepartment,
        List<Drawer> drawers, Map<String, String> variancesByUser,
        Figures.ManualDiscounts manualDiscounts, Figures.TaxExempt taxExempt, Figures.GiftCards giftCardsSold) {

    /**
     * A drawer session of the day as counted at its close.
     *
     * @param variance       counted less expected cash (negative: short)
     * @param approvedBy     the manager who approved the count when one had to, else null
     * @param postingsByType posting type (TENDER_CASH, PAID_IN ...) -> what was posted to the drawer
     */
    public record Drawer(String drawerId, String sessionId, String openedBy, String closedBy, String openingFloat,
            String expectedCash, String countedCash, String variance, String result, String approvedBy,
            Map<String, String> postingsByType) {
    }
}
