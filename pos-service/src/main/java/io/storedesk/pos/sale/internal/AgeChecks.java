package io.storedesk.pos.sale.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.PricedLine;
import io.storedesk.pos.sale.SaleOrder;
import org.springframework.stereotype.Component;

/**
 * Age-restricted goods: the minimum age of a basket (the highest of its lines, by item
 * {@code min_age} or department, {@code pos.age-restrictions.departments}) and the clerk's check
 * against it. Decided before any card is charged; nothing of the check is stored with the sale,
 * only its outcome goes to the journal, never the date of birth.
 */
@Component
class AgeChecks {

    static final String DATE_OF_BIRTH = "DATE_OF_BIRTH";
    static final String ID_CHECKED = "ID_CHECKED";

    private final Catalog catalog;
    private final AgeRestrictionProperties properties;

    AgeChecks(Catalog catalog, AgeRestrictionProperties properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    /** The age a customer must have reached to buy these lines; 0 when none is restricted. */
    int minimumAge(PricedBasket basket) {
        int age = 0;
        for (PricedLine line : basket.lines()) {
            Integer byDepartment = properties.departments().get(line.department());
            Integer byItem = catalog.find(line.sku()).map(CatalogItem::minAge).orElse(null);
            age = Math.max(age, Math.max(byDepartment == null ? 0 : byDepartment, byItem == null ? 0 : byItem));
        }
        return age;
    }

    /**
     * Checks the customer's age against {@code minimumAge} on {@code businessDate} (the store's
     * business day): 422 {@code age-check-required} without a check that confirms it, 422
     * {@code under-age} for a date of birth under it, 400 for a check of neither shape.
     *
     * @return what the journal records of the check (no date of birth); null when no check is needed
     */
    Map<String, Object> require(int minimumAge, SaleOrder.AgeCheck check, LocalDate businessDate, String clerk) {
        if (minimumAge == 0) {
            return null;
        }
        if (check == null) {
            throw required(minimumAge, "This sale has goods of minimum age %d: check the customer's age (date of birth, or ID checked and looks over %d)."
                    .formatted(minimumAge, minimumAge));
        }
        boolean byDate = check.dateOfBirth() != null;
        boolean byLook = Boolean.TRUE.equals(check.idChecked()) && check.looksOver() != null;
        if (byDate == byLook) {
            throw ProblemException.invalidField("ageCheck", "must give either dateOfBirth, or idChecked true and looksOver");
        }
        String method;
        if (byDate) {
            if (check.dateOfBirth().plusYears(minimumAge).isAfter(businessDate)) {
                throw ProblemException.rule("under-age", "Customer under age",
                        "The customer is under %d on %s: the goods of minimum age %d cannot be sold."
                                .formatted(minimumAge, businessDate, minimumAge))
                        .with("minimumAge", minimumAge);
            }
            method = DATE_OF_BIRTH;
        } else {
            if (check.looksOver() < minimumAge) {
                throw required(minimumAge, "Looking over %d does not confirm the minimum age %d: check the date of birth on the ID."
                        .formatted(check.looksOver(), minimumAge));
            }
            method = ID_CHECKED;
        }
        Map<String, Object> journaled = new LinkedHashMap<>();
        journaled.put("method", method);
        journaled.put("minimumAge", minimumAge);
        if (!byDate) {
            journaled.put("looksOver", check.looksOver());
        }
        journaled.put("confirmed", "over %d confirmed".formatted(minimumAge));
        journaled.put("clerk", clerk);
        return journaled;
    }

    private static ProblemException required(int minimumAge, String detail) {
        return ProblemException.rule("age-check-required", "Age check required", detail).with("minimumAge", minimumAge);
    }
}
