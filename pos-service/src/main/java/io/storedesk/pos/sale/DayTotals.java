package io.storedesk.pos.sale;

import java.time.LocalDate;
import java.util.Map;

import io.storedesk.pos.common.Money;

/**
 * A business day's completed sales, summed, each amount rounded once to the currency's minor units
 * when the day's totalizers are read.
 *
 * @param currency      the store's currency code, that of every amount
 * @param grossSales    line values before discounts
 * @param netSales      what customers paid for the goods (tax included), before cash rounding
 * @param taxByRate     rate ("21", "5.5") -> tax and gross of the lines taxed at it
 * @param tenders       tender type -> amount taken
 * @param byDepartment  department -> net sales
 * @param byHour        hour of the day in the store's zone -> sales total
 * @param voidCount     sales of the day post-voided (not in the other figures)
 * @param voidTotal     what those sales had totalled
 * @param giftCardsSold gift cards sold and reloaded (issue 26): a liability, in none of the sales figures above
 *                      (gross, net, tax, departments, hours), though their tenders are in {@code tenders}
 */
public record DayTotals(LocalDate date, String currency, long salesCount, Money grossSales, Money discounts,
        Money netSales, Money taxTotal, Money cashRounding, Map<String, TaxFigures> taxByRate,
        Map<String, Money> tenders, Map<String, Money> byDepartment, Map<Integer, Money> byHour,
        long voidCount, Money voidTotal, GiftCardsSold giftCardsSold) {

    /** The lines of one tax rate: {@code gross} tax included and its {@code tax} (their net is gross less tax). */
    public record TaxFigures(Money tax, Money gross) {
    }
}
