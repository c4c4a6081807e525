package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.Amounts;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.Sentences;
import io.storedesk.pos.common.Sentences.Sentence;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.identity.ApprovalRequest;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.identity.ManagerApprovals;
import io.storedesk.pos.identity.Role;
import io.storedesk.pos.sale.ManualDiscounts;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.PricedLine;
import io.storedesk.pos.sale.SaleOrder;
import org.springframework.stereotype.Component;

/**
 * Price overrides and manual discounts: reads them from a request (reason codes from
 * {@code pos.discounts.reasons}), and decides on a priced basket whether they need a manager's
 * approval: a reduction beyond the user's role limit ({@code pos.discounts.limits}), or a line sold
 * below its floor ({@code pos.discounts.floor-percent} of its catalogue value) by a user who is not a
 * manager. The decision depends only on the request and configuration, so it is made once, before
 * any card is charged.
 */
@Component
class DiscountPolicy implements io.storedesk.pos.sale.DiscountReasons {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final DiscountProperties properties;
    private final StoreProperties store;
    private final ManagerApprovals approvals;
    private final Sentences sentences;
    private final Catalog catalog;

    DiscountPolicy(DiscountProperties properties, StoreProperties store, ManagerApprovals approvals,
            Sentences sentences, Catalog catalog) {
        this.catalog = catalog;
        this.properties = properties;
        this.store = store;
        this.approvals = approvals;
        this.sentences = sentences;
    }

    @Override
    public List<String> reasons() {
        return List.copyOf(properties.reasons());
    }

    ManualDiscounts read(List<SaleOrder.Line> lines, SaleOrder.Discount transaction) {
        Map<Integer, ManualDiscounts.PriceChange> overrides = new HashMap<>();
        Map<Integer, ManualDiscounts.Reduction> reductions = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            SaleOrder.Line l = lines.get(i);
            String field = "lines[%d]".formatted(i);
            if (l.priceOverride() != null) {
                overrides.put(i + 1, new ManualDiscounts.PriceChange(Amounts.parse(l.priceOverride().price(),
                        store.currency(), field + ".priceOverride.price"), reason(l.priceOverride().reason())));
            }
            if (l.discount() != null) {
                reductions.put(i + 1, reduction(l.discount(), field + ".discount"));
            }
        }
        return new ManualDiscounts(overrides, reductions,
                transaction == null ? null : reduction(transaction, "discount"));
    }

    private ManualDiscounts.Reduction reduction(SaleOrder.Discount d, String field) {
        if ((d.percent() == null) == (d.amount() == null)) {
            throw ProblemException.invalidField(field, "needs either percent or amount, not both");
        }
        if (d.percent() != null) {
            BigDecimal percent = new BigDecimal(d.percent());
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                throw ProblemException.invalidField(field + ".percent", "must be above 0 and at most 100");
            }
            return new ManualDiscounts.Reduction(percent, null, reason(d.reason()));
        }
        return new ManualDiscounts.Reduction(null, Amounts.parse(d.amount(), store.currency(), field + ".amount"),
                reason(d.reason()));
    }

    private String reason(String code) {
        if (!properties.reasons().contains(code)) {
            throw ProblemException.rule("unknown-discount-reason", "Unknown discount reason",
                    "Reason %s is not one of %s.".formatted(code, String.join(", ", properties.reasons())))
                    .with("reason", code).with("reasons", properties.reasons());
        }
        return code;
    }

    /**
     * Why the basket's manual changes need a manager (empty: they do not), for the signed-in user:
     * bundle keys {@code approval.why.<kind>} (beyond the role's limit) and {@code approval.why.floor}.
     */
    List<Sentence> needsApproval(PricedBasket basket) {
        boolean manager = CurrentUser.hasRole(Role.MANAGER);
        DiscountProperties.Limit limit = limit();
        List<Sentence> needs = new ArrayList<>();
        for (PricedBasket.Manual m : basket.manualDiscounts()) {
            if (exceeds(m, limit)) {
                needs.add(new Sentence("approval.why." + m.kind().name(), Map.of("line", m.lineNo(),
                        "percent", m.effectivePercent().stripTrailingZeros().toPlainString(),
                        "limit", (m.kind() == PricedBasket.ManualKind.TRANSACTION ? limit.transactionPercent()
                                : limit.linePercent()).stripTrailingZeros().toPlainString())));
            }
        }
        if (!manager) {
            Set<Integer> touched = new java.util.HashSet<>();
            basket.manualDiscounts().forEach(m -> touched.add(m.lineNo()));
            for (PricedLine l : basket.lines()) {
                if (!touched.contains(l.lineNo()) && !(touched.contains(0) && l.discount().isPositive())) {
                    continue;
                }
                Money floor = floor(basket, l);
                if (l.net().isLessThan(floor)) {
                    needs.add(new Sentence("approval.why.floor", Map.of("line", l.lineNo(), "net", l.net().toString(),
                            "floor", floor.toString())));
                }
            }
        }
        return needs;
    }

    /**
     * The basket as approved: unchanged when no approval is needed; else the manager's approval is
     * checked (422 {@code discount-needs-approval} when none was given, with {@code needs} in the
     * request's language, 403 when it is wrong) and written on the manual changes that needed it.
     */
    PricedBasket approve(PricedBasket basket, ApprovalRequest approval, String clerk) {
        List<Sentence> needs = needsApproval(basket);
        if (needs.isEmpty()) {
            return basket;
        }
        String why = "Needs a manager's approval: %s.".formatted(String.join("; ",
                needs.stream().map(n -> sentences.say(n, null)).toList()));
        if (approval == null) {
            throw ProblemException.rule("discount-needs-approval", "Discount needs approval", why)
                    .with("needs", sentences.say(needs)).with("action", "discount");
        }
        String manager = approvals.require(approval, "discount", clerk, why).manager();
        DiscountProperties.Limit limit = limit();
        Function<PricedBasket.Manual, PricedBasket.Manual> mark = m -> exceeds(m, limit)
                || !CurrentUser.hasRole(Role.MANAGER) ? m.approvedBy(manager) : m;
        return basket.withManualDiscounts(basket.manualDiscounts().stream().map(mark).toList());
    }

    /**
     * The least a line may be sold for after manual changes without a manager: the item's unit cost (head office's
     * price list in effect) times the quantity when it has one, else {@code pos.discounts.floor-percent} of the
     * line's catalogue value (its price before an override).
     */
    private Money floor(PricedBasket basket, PricedLine l) {
        Money listValue = basket.manualDiscounts().stream()
                .filter(m -> m.kind() == PricedBasket.ManualKind.OVERRIDE && m.lineNo() == l.lineNo())
                .map(PricedBasket.Manual::base).findFirst().orElse(l.value());
        Money cost = catalog.find(l.sku()).map(CatalogItem::cost)
                .filter(c -> c.currency().equals(listValue.currency())).orElse(null);
        if (cost != null) {
            return Money.of(cost.amount().multiply(BigDecimal.valueOf(l.quantity())), cost.currency());
        }
        return Money.rounded(listValue.amount().multiply(properties.floorPercent()).divide(HUNDRED),
                listValue.currency());
    }

    private static boolean exceeds(PricedBasket.Manual m, DiscountProperties.Limit limit) {
        BigDecimal max = m.kind() == PricedBasket.ManualKind.TRANSACTION ? limit.transactionPercent()
                : limit.linePercent();
        return m.effectivePercent().compareTo(max) > 0;
    }

    private DiscountProperties.Limit limit() {
        BigDecimal line = BigDecimal.ZERO;
        BigDecimal transaction = BigDecimal.ZERO;
        for (Role role : Role.values()) {
            DiscountProperties.Limit l = properties.limits().get(role.name());
            if (l != null && CurrentUser.hasRole(role)) {
                line = line.max(l.linePercent());
                transaction = transaction.max(l.transactionPercent());
            }
        }
        return new DiscountProperties.Limit(line, transaction);
    }
}
