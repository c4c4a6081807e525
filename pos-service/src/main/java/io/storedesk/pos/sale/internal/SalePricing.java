package io.storedesk.pos.sale.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.Sentences;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.identity.ApprovalRequest;
import io.storedesk.pos.sale.BasketLine;
import io.storedesk.pos.sale.BasketPricer;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.PricedLine;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.TaxPolicy;
import org.springframework.stereotype.Component;

/**
 * Prices a basket as the till shows it and sells it: the catalogue's items (unknown or blocked ones refused),
 * gift-card lines, promotions and coupons, price overrides and manual discounts with their approval, a tax
 * exemption and the age a buyer must have reached. Writes nothing: a quote, a sale, a parked basket and a
 * training sale all price here.
 */
@Component
class SalePricing {

    private final Catalog catalog;
    private final StoreProperties store;
    private final BasketPricer pricer;
    private final BasketPromotions promotions;
    private final DiscountPolicy discounts;
    private final AgeChecks ageChecks;
    private final TaxExemptions exemptions;
    private final GiftCardLines giftCardLines;
    private final CashDrawers drawers;

    SalePricing(Catalog catalog, StoreProperties store, BasketPromotions promotions, DiscountPolicy discounts,
            AgeChecks ageChecks, TaxExemptions exemptions, GiftCardLines giftCardLines, CashDrawers drawers) {
        this.catalog = catalog;
        this.store = store;
        this.pricer = new BasketPricer(new TaxPolicy(store.pricesIncludeTax()));
        this.promotions = promotions;
        this.discounts = discounts;
        this.ageChecks = ageChecks;
        this.exemptions = exemptions;
        this.giftCardLines = giftCardLines;
        this.drawers = drawers;
    }

    /**
     * Prices the lines with the promotions they earn (422 {@code unknown-coupon} for a coupon no promotion takes),
     * then the price overrides and manual discounts of the lines and the sale ({@code discount}, may be null).
     */
    PricedBasket quote(List<SaleOrder.Line> lines, String loyaltyCard, List<String> coupons, SaleOrder.Discount discount) {
        List<BasketLine> goods = resolve(lines);
        List<PricedLine> gifts = giftCardLines(lines);
        if (gifts.isEmpty()) {
            return promotions.price(pricer, goods, loyaltyCard, coupons, discounts.read(lines, discount));
        }
        Money zero = Money.zero(store.currency());
        if (goods.isEmpty()) { // only gift cards: nothing a coupon or a discount could take from
            if (coupons != null && !coupons.isEmpty()) {
                throw ProblemException.invalidField("coupons", "cannot be used on gift cards alone");
            }
            if (discount != null) {
                throw ProblemException.invalidField("discount", "cannot be given on gift cards alone");
            }
            return PricedBasket.of(gifts, zero);
        }
        // the goods priced on their own: promotions, discounts and their thresholds never see a gift card
        PricedBasket priced = promotions.price(pricer, goods, loyaltyCard, coupons, discounts.read(lines, discount));
        List<PricedLine> all = new ArrayList<>(priced.lines());
        all.addAll(gifts);
        all.sort(Comparator.comparingInt(PricedLine::lineNo));
        return PricedBasket.of(all, zero).withPromotions(priced.promotions())
                .withManualDiscounts(priced.manualDiscounts());
    }

    /** The quote approved: manual discounts beyond the clerk's limit need {@code approval} (a manager's). */
    PricedBasket approve(PricedBasket quoted, ApprovalRequest approval, String clerk) {
        return discounts.approve(quoted, approval, clerk);
    }

    /** The request's gift-card lines, priced (422 {@code gift-card-amount-out-of-range}). */
    private List<PricedLine> giftCardLines(List<SaleOrder.Line> lines) {
        List<PricedLine> gifts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).giftCard() != null) {
                gifts.add(giftCardLines.price(i + 1, i, lines.get(i).giftCard(), Money.zero(store.currency())));
            }
        }
        return gifts;
    }

    /**
     * The quoted basket sold tax-exempt (its chosen lines, or all) when {@code exemption} (already
     * {@link TaxExemptions#read read}) is not null; 422 {@code unknown-exempt-line} for a line it has not.
     */
    PricedBasket exempt(PricedBasket basket, SaleOrder.TaxExemption exemption) {
        return exemption == null ? basket : exemptions.exempt(basket, exemption);
    }

    /** Checks a tax exemption asked for (null: none). */
    SaleOrder.TaxExemption readExemption(SaleOrder.TaxExemption asked) {
        return exemptions.read(asked);
    }

    /** The manager who approved a tax exemption (its approval checked). */
    String approveExemption(SaleOrder.TaxExemption exemption, ApprovalRequest approval, String clerk) {
        return exemptions.approve(exemption, approval, clerk);
    }

    /** The line numbers a tax exemption covers in the quoted basket. */
    java.util.Set<Integer> exemptLines(PricedBasket quoted, SaleOrder.TaxExemption exemption) {
        return exemptions.exemptLines(quoted, exemption);
    }

    /** The age a customer must have reached to buy the quoted basket; 0 when nothing in it is restricted. */
    int minimumAge(PricedBasket basket) {
        return ageChecks.minimumAge(basket);
    }

    /**
     * The age check the basket needs, on the drawer's business day: what the journal records of it (never a date
     * of birth), or null when nothing in the basket is restricted.
     */
    java.util.Map<String, Object> requireAge(PricedBasket basket, SaleOrder.AgeCheck ageCheck, String drawerId,
            String clerk) {
        int minimumAge = ageChecks.minimumAge(basket);
        return minimumAge == 0 ? null : ageChecks.require(minimumAge, ageCheck, drawers.businessDate(drawerId), clerk);
    }

    /** Why the quoted basket's manual discounts need a manager's approval (empty: they do not). */
    List<Sentences.Sentence> approvalNeeded(PricedBasket basket) {
        return discounts.needsApproval(basket);
    }

    /** A training basket is priced and checked as a real one (discount approval, exemption, age), without a card. */
    PricedBasket trainingBasket(DrawerInfo drawer, List<SaleOrder.Line> lines, List<String> coupons,
            SaleOrder.Discount discount, SaleOrder.TaxExemption requested, ApprovalRequest approval,
            SaleOrder.AgeCheck ageCheck, String clerk) {
        SaleOrder.TaxExemption exemption = exemptions.read(requested);
        PricedBasket quoted = discounts.approve(quote(lines, null, coupons, discount), approval, clerk);
        PricedBasket basket = exempt(quoted, exemption);
        if (exemption != null) {
            exemptions.approve(exemption, approval, clerk);
        }
        requireAge(basket, ageCheck, drawer.drawerId(), clerk);
        return basket;
    }

    /** Marks the coupons used by the sale {@code receiptNumber}. */
    void redeemCoupons(List<String> coupons, String receiptNumber) {
        promotions.redeemCoupons(coupons, receiptNumber);
    }

    private List<BasketLine> resolve(List<SaleOrder.Line> lines) {
        List<BasketLine> basket = new ArrayList<>(lines.size());
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SaleOrder.Line l = lines.get(i);
            if (l.giftCard() != null) {
                continue; // priced by giftCardLines
            }
            Optional<CatalogItem> item = catalog.find(l.sku());
            if (item.isEmpty()) {
                unknown.add(l.sku());
            } else if (item.get().blocked()) {
                throw ProblemException.rule("item-blocked", "Item blocked",
                        "Item %s (%s) is blocked by head office and cannot be sold.".formatted(item.get().sku(),
                                item.get().name())).with("sku", item.get().sku()).with("name", item.get().name());
            } else {
                basket.add(new BasketLine(i + 1, item.get(), l.quantity()));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.rule("unknown-item", "Unknown item",
                    "No item with SKU or barcode %s.".formatted(String.join(", ", unknown))).with("unknown", unknown);
        }
        return basket;
    }
}
