package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.storedesk.pos.catalog.CatalogProperties;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.ApprovalRequest;
import io.storedesk.pos.identity.ManagerApprovals;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.PricedLine;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.TaxExemptionWording;
import org.springframework.stereotype.Component;

/**
 * Tax-exempt sales (issue 24): a whole sale, or chosen lines of it, sold without tax for a configured reason
 * ({@code pos.tax-exemptions}) with the customer's document or VAT id, always with a manager's
 * approval (the request's {@code approval}, as manual discounts take it). Each exempt line is then sold at
 * its price without the tax it held (tax-inclusive prices) or without the tax on top (tax-exclusive),
 * at rate 0 under the tax letter {@value #LETTER}; a return refunds that line amount, so what was paid.
 */
@Component
class TaxExemptions implements TaxExemptionWording {

    /** The tax letter of an exempt line on receipts and in the tax table. */
    static final String LETTER = CatalogProperties.EXEMPT_LETTER;

    /** EU VAT id: two-letter member state prefix (EL for Greece, XI for Northern Ireland), then 2..12 characters. */
    private static final Pattern VAT_ID = Pattern.compile("([A-Z]{2})[0-9A-Z+*]{2,12}");
    private static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI",
            "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI");

    private final TaxExemptionProperties properties;
    private final ManagerApprovals approvals;

    TaxExemptions(TaxExemptionProperties properties, ManagerApprovals approvals) {
        this.properties = properties;
        this.approvals = approvals;
    }

    @Override
    public List<String> reasons() {
        return List.copyOf(properties.reasons().keySet());
    }

    /**
     * The exemption as asked for, checked: a configured reason (422 {@code unknown-tax-exempt-reason}),
     * and for a reason that needs one an EU VAT id (422 {@code invalid-vat-id}); spaces, dots and dashes of
     * the document are dropped and letters upper-cased. Null when none was asked for.
     */
    SaleOrder.TaxExemption read(SaleOrder.TaxExemption asked) {
        if (asked == null) {
            return null;
        }
        TaxExemptionProperties.Reason reason = properties.reasons().get(asked.reason());
        if (reason == null) {
            throw ProblemException.rule("unknown-tax-exempt-reason", "Unknown tax exemption reason",
                    "Reason %s is not one of %s.".formatted(asked.reason(), String.join(", ", reasons())))
                    .with("reason", asked.reason()).with("reasons", reasons());
        }
        String document = asked.document().strip().replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        if (document.isEmpty()) {
            throw ProblemException.invalidField("taxExemption.document", "must not be blank");
        }
        if (reason.vatId()) {
            var m = VAT_ID.matcher(document);
            if (!m.matches() || !EU.contains(m.group(1))) {
                throw ProblemException.rule("invalid-vat-id", "Invalid VAT id",
                        "%s is not an EU VAT id (a country prefix such as LV, CZ or DE and 2 to 12 characters, e.g. LV40003012345)."
                                .formatted(document))
                        .with("document", document).with("reason", asked.reason());
            }
        }
        List<Integer> lineNos = asked.wholeSale() ? null : asked.lineNos();
        if (lineNos != null) {
            List<Integer> twice = lineNos.stream().filter(n -> java.util.Collections.frequency(lineNos, n) > 1)
                    .distinct().sorted().toList();
            if (!twice.isEmpty()) {
                throw ProblemException.rule("duplicate-exempt-line", "Line exempted twice",
                        "Line %s is named more than once in taxExemption.lineNos.".formatted(twice))
                        .with("lineNos", twice);
            }
        }
        return new SaleOrder.TaxExemption(asked.reason(), document, lineNos == null ? null : List.copyOf(lineNos));
    }

    /**
     * The basket sold tax-exempt: each exempted line ({@code exemption.lineNos}, or every line) without its
     * tax, at rate 0 under {@link #LETTER}; the other lines keep their tax. 422 {@code unknown-exempt-line}
     * when a line number names no line of the basket.
     */
    PricedBasket exempt(PricedBasket basket, SaleOrder.TaxExemption exemption) {
        Set<Integer> chosen = exemptLines(basket, exemption);
        Money zero = Money.zero(basket.total().currency());
        List<PricedLine> lines = basket.lines().stream().map(l -> !chosen.contains(l.lineNo()) ? l
                : new PricedLine(l.lineNo(), l.sku(), l.name(), l.department(), l.quantity(), l.unitPrice(),
                        l.value(), l.discount(), l.net().minus(l.tax()), zero, BigDecimal.ZERO, LETTER, l.priceVersion(),
                        l.giftCard())).toList();
        return PricedBasket.of(lines, zero).withPromotions(basket.promotions())
                .withManualDiscounts(basket.manualDiscounts());
    }

    /** The basket's line numbers the exemption covers (422 {@code unknown-exempt-line} for one it has not). */
    Set<Integer> exemptLines(PricedBasket basket, SaleOrder.TaxExemption exemption) {
        Set<Integer> known = new java.util.TreeSet<>();
        basket.lines().forEach(l -> known.add(l.lineNo()));
        if (exemption.wholeSale()) {
            return known;
        }
        List<Integer> unknown = exemption.lineNos().stream().filter(n -> !known.contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.rule("unknown-exempt-line", "No such line to exempt",
                    "The sale has lines 1 to %d; there is no line %s to exempt.".formatted(known.size(), unknown))
                    .with("lineNos", unknown).with("lineCount", known.size());
        }
        return new java.util.TreeSet<>(exemption.lineNos());
    }

    /**
     * The approving manager: 422 {@code tax-exempt-needs-approval} without an approval, else the
     * approval is checked as every manager approval is (403 when wrong, 429 when locked).
     */
    String approve(SaleOrder.TaxExemption exemption, ApprovalRequest approval, String clerk) {
        String why = "A tax-exempt sale (%s, document %s) needs a manager's approval.".formatted(exemption.reason(),
                exemption.document());
        if (approval == null) {
            throw ProblemException.rule("tax-exempt-needs-approval", "Tax exemption needs approval", why)
                    .with("reason", exemption.reason()).with("action", "tax-exemption");
        }
        return approvals.require(approval, "tax-exemption", clerk, why).manager();
    }

    @Override
    public String wording(String reason, Locale locale) {
        TaxExemptionProperties.Reason r = properties.reasons().get(reason);
        if (r == null) {
            return reason;
        }
        String text = r.wording().get(locale.getLanguage());
        return text != null && !text.isBlank() ? text : r.wording().get("en");
    }
}
