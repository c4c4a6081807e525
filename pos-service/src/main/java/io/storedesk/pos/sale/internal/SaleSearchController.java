package io.storedesk.pos.sale.internal;

import java.time.LocalDate;
import java.util.List;

import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.identity.Role;
import io.storedesk.pos.sale.CustomerCards;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding a receipt without the paper: by the last four digits of the card that paid (and the
 * total and date), or by the customer (the sales made with their loyalty card). Searching by
 * customer is personal data: head office may not.
 */
@RestController
@RequestMapping("/api/v1/sales")
class SaleSearchController {

    /** Without dates, a card search looks this many days back (a receipt is usually wanted for a return). */
    static final int CARD_SEARCH_DAYS = 30;

    private final SaleService sales;
    private final StoreProperties store;
    private final java.time.Clock clock;
    private final ObjectProvider<CustomerCards> customers;

    SaleSearchController(SaleService sales, StoreProperties store, java.time.Clock clock,
            ObjectProvider<CustomerCards> customers) {
        this.sales = sales;
        this.store = store;
        this.clock = clock;
        this.customers = customers;
    }

    @GetMapping(params = "cardLast4")
    List<SaleViews.Summary> byCard(
            @RequestParam @Pattern(regexp = "[0-9]{4}", message = "must be four digits") String cardLast4,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 13) String total,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        LocalDate today = store.today(clock);
        LocalDate[] range = from == null && to == null ? new LocalDate[] {today.minusDays(CARD_SEARCH_DAYS), today}
                : range(from, to, today);
        return sales.searchByCardLast4(range[0], range[1], amount(total), cardLast4, limit);
    }

    @GetMapping(params = "customerId")
    List<SaleViews.Summary> byCustomer(@RequestParam @Size(max = 40) String customerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 13) String total,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        if (!CurrentUser.hasRole(Role.CLERK) && !CurrentUser.hasRole(Role.MANAGER)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Searching sales by customer is for the store's staff.");
        }
        LocalDate today = store.today(clock);
        LocalDate[] range = from == null && to == null ? new LocalDate[] {LocalDate.of(2000, 1, 1), today}
                : range(from, to, today);
        CustomerCards cards = customers.getIfAvailable();
        String card = cards == null ? null : cards.loyaltyCardOf(customerId).orElse(null);
        if (card == null) {
            return List.of();
        }
        return sales.searchByLoyaltyCard(range[0], range[1], amount(total), card, limit);
    }

    private Money amount(String total) {
        return total == null ? null : Amounts.parse(total, store.currency(), "total");
    }

    private static LocalDate[] range(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate start = from != null ? from : (to != null ? to : today);
        LocalDate end = to != null ? to : (from != null ? from.plusYears(10) : today);
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("invalid-range", "Invalid date range", "'to' is before 'from'.");
        }
        return new LocalDate[] {start, end};
    }
}
