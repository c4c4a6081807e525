package io.storedesk.pos.report;

import java.time.LocalDate;
import java.util.Map;

/**
 * The store's sales report for one business day ({@code date} set, {@code from} = {@code to})
 * or for a range of business days summed ({@code date} null). Amounts are strings ("12.30");
 * map keys are sorted. The figures the Z report also has agree with it to the cent.
 *
 * @param salesCount        sales that stand (post-voided ones are left out of every sales figure)
 * @param grossSales        line values before discounts
 * @param salesTotal        what the sales took for goods: gross less discounts, tax included, before cash rounding
 * @param returns           what returns refunded (refund totals); {@code returnsCount} how many
 * @param netSales          sales total less returns
 * @param cashRounding      cash rounding of the sales (positive when customers paid more)
 * @param taxByRate         rate -> {net, tax, gross} of the sales
 * @param tenders           tender type -> taken by sales
 * @param byDepartment      department -> sales (tax included, after discounts)
 * @param byHour            hour of the day in the store's zone ("09") -> sales total
 * @param refundsByTender   tender -> paid back by returns
 * @param returnsByReason   reason -> returned lines, units and refunds (before cash rounding)
 * @param returnsCashRounding what cash rounding added to the returned lines' refunds
 * @param returnsByClerk    clerk -> returns taken, refunds, own sales and refund rate (refunds / own sales)
 * @param voids             post-voids: count and what the voided sales had totalled
 * @param voidsByClerk      user who asked for the void -> count and amount
 * @param noSalesByClerk    user -> drawer opens without a sale
 * @param cashMovements     PAID_IN, PAID_OUT, SAFE_DROP, PICKUP -> cash moved (positive figures)
 * @param variancesByUser   user in charge of a closed drawer -> summed count variance (negative: short)
 * @param openDrawers       drawer sessions of those days not yet counted (their variance is not in the figures)
 * @param zNumber           the Z report that closed the day (a one-day report of a closed day), else null
 * @param sections          figures contributed by other modules (promotions, loyalty, cases), by section name
 * @param giftCardsSold     gift cards sold and reloaded (issue 26), apart: a liability, in none of the sales, tax,
 *                          department, hour or clerk figures, while what paid for them is in {@code tenders}
 */
public record DailyReport(String storeId, String storeName, LocalDate date, LocalDate from, LocalDate to, String currency,
        long salesCount, String grossSales, String discounts, String salesTotal, String returns, long returnsCount,
        String netSales, String taxTotal, String cashRounding, Map<String, Map<String, String>> taxByRate,
        Map<String, String> tenders, Map<String, String> byDepartment, Map<String, String> byHour,
        Map<String, String> refundsByTender, Map<String, ReasonFigures> returnsByReason, String returnsCashRounding,
        Map<String, ClerkReturns> returnsByClerk, VoidFigures voids, Map<String, VoidFigures> voidsByClerk,
        Map<String, Long> noSalesByClerk, Map<String, String> cashMovements, Map<String, String> variancesByUser,
        long openDrawers, Long zNumber, Map<String, Map<String, Object>> sections,
        Figures.GiftCards giftCardsSold) {

    public record ReasonFigures(long lines, long quantity, String amount) {
    }

    /** {@code refundRate} is refunds / own sales with four decimals ("0.1558"); null without sales. */
    public record ClerkReturns(long count, String amount, long salesCount, String sales, String refundRate) {
    }

    public record VoidFigures(long count, String amount) {
    }
}
