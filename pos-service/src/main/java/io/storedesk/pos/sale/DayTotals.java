package io.storedesk.pos.sale;

import java.time.LocalDate;
import java.util.Map;

/**
 * A business day's completed sales, summed. Amounts are strings.
 *
 * @param grossSales    line values before discounts
 * @param netSales      what customers paid for the goods (tax included), before cash rounding
 * @param taxByRate     rate -> {net, tax, gross}
 * @param tenders       tender type -> amount taken
 * @param byDepartment  department -> net sales
 * @param voidCount     sales of the day post-voided (not in the other figures)
 * @param voidTotal     what those sales had totalled
 * @param giftCardsSold gift cards sold and reloaded (issue 26): a liability, in none of the sales figures above
 *                      (gross, net, tax, departments, hours), though their tenders are in {@code tenders}
 */
public record DayTotals(LocalDate date, String currency, long salesCount, String grossSales, String discounts,
        String netSales, String taxTotal, String cashRounding, Map<String, Map<String, String>> taxByRate,
        Map<String, String> tenders, Map<String, String> byDepartment, Map<Integer, String> byHour,
        long voidCount, String voidTotal, GiftCardsSold giftCardsSold) {
}
