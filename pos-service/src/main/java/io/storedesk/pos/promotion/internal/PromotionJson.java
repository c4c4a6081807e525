package io.storedesk.pos.promotion.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.storedesk.pos.promotion.Promotion;

/**
 * A promotion as JSON carries it: in the seed file, in the database and in
 * {@code GET /api/v1/promotions}. Amounts and percentages are strings ("10.00"), dates ISO,
 * times "HH:mm", days "MONDAY"...; absent fields take their defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromotionJson(String code, String description, String kind, String scope, List<String> targets,
        String percent, String amount, Integer buy, Integer get, String price, String threshold, String coupon,
        Boolean memberOnly, String validFrom, String validTo, String opens, String closes, List<String> days,
        Integer priority, Boolean exclusive) {

    /** A whole set as stored and seeded. */
    record SetFile(long version, List<PromotionJson> promotions) {
    }

    static PromotionJson of(Promotion p) {
        return new PromotionJson(p.code(), p.description(), p.kind().name(), p.scope().name(),
                p.targets().isEmpty() ? null : p.targets().stream().sorted().toList(), str(p.percent()),
                str(p.amount()), p.buy() == 0 ? null : p.buy(), p.get() == 0 ? null : p.get(), str(p.price()),
                str(p.threshold()), p.coupon(), p.memberOnly() ? true : null, str(p.validFrom()), str(p.validTo()),
                str(p.opens()), str(p.closes()),
                p.days().isEmpty() ? null : p.days().stream().sorted().map(DayOfWeek::name).toList(),
                p.priority() == 0 ? null : p.priority(), p.exclusive() ? true : null);
    }

    public Promotion toPromotion() {
        return new Promotion(code, description, Promotion.Kind.valueOf(upper(kind, "kind")),
                Promotion.Scope.valueOf(upper(scope, "scope")), targets == null ? Set.of() : Set.copyOf(targets),
                decimal(percent), decimal(amount), buy == null ? 0 : buy, get == null ? 0 : get, decimal(price),
                decimal(threshold), coupon, Boolean.TRUE.equals(memberOnly),
                validFrom == null ? null : LocalDate.parse(validFrom), validTo == null ? null : LocalDate.parse(validTo),
                opens == null ? null : LocalTime.parse(opens), closes == null ? null : LocalTime.parse(closes),
                days == null ? Set.of() : days.stream().map(d -> DayOfWeek.valueOf(upper(d, "day")))
                        .collect(Collectors.toSet()),
                priority == null ? 0 : priority, Boolean.TRUE.equals(exclusive));
    }

    private static String upper(String s, String field) {
        if (s == null) {
            throw new IllegalArgumentException("promotion: %s is required".formatted(field));
        }
        return s.strip().toUpperCase(Locale.ROOT);
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s.strip());
    }

    private static String str(Object o) {
        return o == null ? null : o instanceof BigDecimal b ? b.toPlainString() : o.toString();
    }
}
