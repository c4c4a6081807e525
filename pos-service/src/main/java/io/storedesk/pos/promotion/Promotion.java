package io.storedesk.pos.promotion;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One promotion of a set. Amounts are in the store's currency.
 *
 * <table>
 * <caption>kinds and the fields they use</caption>
 * <tr><th>kind</th><th>scope</th><th>fields</th><th>example</th></tr>
 * <tr><td>PERCENT_OFF</td><td>ITEM, DEPARTMENT, BASKET</td><td>percent</td><td>20 % off socks</td></tr>
 * <tr><td>AMOUNT_OFF</td><td>ITEM, DEPARTMENT (per unit), BASKET (once)</td><td>amount</td><td>0.50 off each candle</td></tr>
 * <tr><td>MULTI_BUY</td><td>ITEM, DEPARTMENT</td><td>buy (units), price (for the group)</td><td>3 for 10.00</td></tr>
 * <tr><td>BUY_X_GET_Y</td><td>ITEM, DEPARTMENT</td><td>buy, get</td><td>buy 2 get 1 free (cheapest free)</td></tr>
 * <tr><td>BASKET_THRESHOLD</td><td>BASKET, DEPARTMENT, ITEM</td><td>threshold, percent or amount</td><td>10 % off from 50.00</td></tr>
 * </table>
 *
 * @param targets   SKUs (scope ITEM) or departments (scope DEPARTMENT); empty for BASKET
 * @param coupon    the coupon code that triggers it (upper case), or null
 * @param memberOnly only when a loyalty card is given
 * @param validFrom first day (inclusive, store time), null = open
 * @param validTo   last day (inclusive), null = open
 * @param opens     from this time of day (inclusive), null = all day; {@code opens > closes} runs over midnight
 * @param closes    until this time of day (exclusive)
 * @param days      days of the week it runs on; empty = every day
 * @param priority  higher first: decides which promotion claims a unit first
 * @param exclusive never combined with another promotion (see {@link PromotionEngine})
 */
public record Promotion(String code, String description, Kind kind, Scope scope, Set<String> targets,
        BigDecimal percent, BigDecimal amount, int buy, int get, BigDecimal price, BigDecimal threshold,
        String coupon, boolean memberOnly, LocalDate validFrom, LocalDate validTo, LocalTime opens, LocalTime closes,
        Set<DayOfWeek> days, int priority, boolean exclusive) {

    public enum Kind { PERCENT_OFF, AMOUNT_OFF, MULTI_BUY, BUY_X_GET_Y, BASKET_THRESHOLD }

    public enum Scope { ITEM, DEPARTMENT, BASKET }

    public Promotion {
        require(code != null && !code.isBlank() && code.length() <= 40, code, "code must be 1-40 characters");
        require(description != null && !description.isBlank() && description.length() <= 200, code,
                "description must be 1-200 characters");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        targets = targets == null ? Set.of() : Set.copyOf(targets);
        days = days == null ? Set.of() : Set.copyOf(days);
        coupon = coupon == null || coupon.isBlank() ? null : normalizeCoupon(coupon);
        require(scope == Scope.BASKET ? targets.isEmpty() : !targets.isEmpty(), code,
                scope == Scope.BASKET ? "a basket promotion has no targets" : "targets are required");
        require(validFrom == null || validTo == null || !validTo.isBefore(validFrom), code, "validTo before validFrom");
        require((opens == null) == (closes == null), code, "opens and closes go together");
        switch (kind) {
            case PERCENT_OFF -> requirePercent(percent, code);
            case AMOUNT_OFF -> requirePositive(amount, code, "amount");
            case MULTI_BUY -> {
                require(scope != Scope.BASKET, code, "a multi-buy needs items or departments");
                require(buy >= 2, code, "buy must be at least 2");
                requirePositive(price, code, "price");
            }
            case BUY_X_GET_Y -> {
                require(scope != Scope.BASKET, code, "buy X get Y needs items or departments");
                require(buy >= 1 && get >= 1, code, "buy and get must be at least 1");
            }
            case BASKET_THRESHOLD -> {
                requirePositive(threshold, code, "threshold");
                require((percent == null) != (amount == null), code, "a threshold gives a percent or an amount");
                if (percent != null) {
                    requirePercent(percent, code);
                } else {
                    requirePositive(amount, code, "amount");
                }
            }
        }
    }

    /** Coupons compare without case and surrounding blanks. */
    public static String normalizeCoupon(String coupon) {
        return coupon.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether this promotion runs at this store-local time. */
    public boolean runsAt(LocalDateTime time) {
        LocalDate day = time.toLocalDate();
        if ((validFrom != null && day.isBefore(validFrom)) || (validTo != null && day.isAfter(validTo))) {
            return false;
        }
        if (!days.isEmpty() && !days.contains(day.getDayOfWeek())) {
            return false;
        }
        if (opens == null) {
            return true;
        }
        LocalTime t = time.toLocalTime();
        return opens.isBefore(closes) ? !t.isBefore(opens) && t.isBefore(closes) : !t.isBefore(opens) || t.isBefore(closes);
    }

    // Builders for code and tests: a minimal promotion, refined with the with* methods.

    public static Promotion percentOff(String code, String description, Scope scope, Set<String> targets, String percent) {
        return new Promotion(code, description, Kind.PERCENT_OFF, scope, targets, new BigDecimal(percent), null, 0, 0,
                null, null, null, false, null, null, null, null, null, 0, false);
    }

    public static Promotion amountOff(String code, String description, Scope scope, Set<String> targets, String amount) {
        return new Promotion(code, description, Kind.AMOUNT_OFF, scope, targets, null, new BigDecimal(amount), 0, 0,
                null, null, null, false, null, null, null, null, null, 0, false);
    }

    public static Promotion multiBuy(String code, String description, Scope scope, Set<String> targets, int buy,
            String price) {
        return new Promotion(code, description, Kind.MULTI_BUY, scope, targets, null, null, buy, 0,
                new BigDecimal(price), null, null, false, null, null, null, null, null, 0, false);
    }

    public static Promotion buyGet(String code, String description, Scope scope, Set<String> targets, int buy, int get) {
        return new Promotion(code, description, Kind.BUY_X_GET_Y, scope, targets, null, null, buy, get, null, null,
                null, false, null, null, null, null, null, 0, false);
    }

    /** From {@code threshold} spent in scope: {@code percent} % off it (give percent "10"), or an amount ("5.00" with percent null). */
    public static Promotion threshold(String code, String description, Scope scope, Set<String> targets,
            String threshold, String percent, String amount) {
        return new Promotion(code, description, Kind.BASKET_THRESHOLD, scope, targets,
                percent == null ? null : new BigDecimal(percent), amount == null ? null : new BigDecimal(amount), 0, 0,
                null, new BigDecimal(threshold), null, false, null, null, null, null, null, 0, false);
    }

    public Promotion withCoupon(String c) {
        return new Promotion(code, description, kind, scope, targets, percent, amount, buy, get, price, threshold, c,
                memberOnly, validFrom, validTo, opens, closes, days, priority, exclusive);
    }

    public Promotion withMemberOnly(boolean m) {
        return new Promotion(code, description, kind, scope, targets, percent, amount, buy, get, price, threshold,
                coupon, m, validFrom, validTo, opens, closes, days, priority, exclusive);
    }

    public Promotion withValidity(LocalDate from, LocalDate to, LocalTime open, LocalTime close, Set<DayOfWeek> d) {
        return new Promotion(code, description, kind, scope, targets, percent, amount, buy, get, price, threshold,
                coupon, memberOnly, from, to, open, close, d, priority, exclusive);
    }

    public Promotion withPriority(int p) {
        return new Promotion(code, description, kind, scope, targets, percent, amount, buy, get, price, threshold,
                coupon, memberOnly, validFrom, validTo, opens, closes, days, p, exclusive);
    }

    public Promotion withExclusive(boolean e) {
        return new Promotion(code, description, kind, scope, targets, percent, amount, buy, get, price, threshold,
                coupon, memberOnly, validFrom, validTo, opens, closes, days, priority, e);
    }

    private static void requirePercent(BigDecimal p, String code) {
        require(p != null && p.signum() > 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0
                && p.stripTrailingZeros().scale() <= 2, code, "percent must be over 0 and at most 100, two decimals");
    }

    private static void requirePositive(BigDecimal a, String code, String field) {
        require(a != null && a.signum() > 0, code, field + " must be positive");
    }

    private static void require(boolean ok, String code, String message) {
        if (!ok) {
            throw new IllegalArgumentException("promotion %s: %s".formatted(code, message));
        }
    }
}
