package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.storedesk.pos.catalog.Catalog;
import io.storedesk.pos.catalog.CatalogItem;
import io.storedesk.pos.catalog.TaxCategory;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.sale.BasketLine;
import io.storedesk.pos.sale.BasketPricer;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.TaxPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The age rule on its own, with a small in-memory catalogue (the HTTP behaviour is in
 * {@code AgeCheckIntegrationTests}): department and item ages, the higher applying, and the
 * birthday arithmetic on the business day.
 */
class AgeChecksTests {

    static final Currency EUR = Currency.getInstance("EUR");
    static final TaxCategory STANDARD = new TaxCategory("STANDARD", new BigDecimal("21"), "A");
    static final CatalogItem BREAD = item("BREAD", "FOOD", null);
    static final CatalogItem CIGARS = item("CIGARS", "TOBACCO", null);
    static final CatalogItem WHISKY = item("WHISKY", "DRINKS", 18);
    static final CatalogItem ABSINTHE = item("ABSINTHE", "TOBACCO", 21);

    final AgeChecks checks = new AgeChecks(new InMemoryCatalog(List.of(BREAD, CIGARS, WHISKY, ABSINTHE)),
            new AgeRestrictionProperties(Map.of("TOBACCO", 18)));

    static CatalogItem item(String sku, String department, Integer minAge) {
        return new CatalogItem(sku, "4006381333931", sku, department, Money.of(new BigDecimal("5.00"), EUR), STANDARD,
                minAge);
    }

    static PricedBasket basket(CatalogItem... items) {
        List<BasketLine> lines = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            lines.add(new BasketLine(i + 1, items[i], 1));
        }
        return new BasketPricer(new TaxPolicy(true)).price(lines, Map.of(), Money.zero(EUR));
    }

    @Test
    void theBasketNeedsTheHighestAgeOfItsLinesByDepartmentOrItem() {
        assertThat(checks.minimumAge(basket(BREAD))).isZero();
        assertThat(checks.minimumAge(basket(BREAD, CIGARS))).isEqualTo(18);
        assertThat(checks.minimumAge(basket(WHISKY))).isEqualTo(18);
        assertThat(checks.minimumAge(basket(CIGARS, ABSINTHE))).isEqualTo(21);
    }

    @Test
    void ofAgeOnTheBirthdayAndNotTheDayBefore() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        assertThat(checks.require(18, new SaleOrder.AgeCheck(LocalDate.of(2008, 12, 6), null, null), day, "clerk"))
                .containsEntry("method", "DATE_OF_BIRTH").containsEntry("confirmed", "over 18 confirmed")
                .doesNotContainKey("dateOfBirth");
        assertThatThrownBy(() -> checks.require(18, new SaleOrder.AgeCheck(LocalDate.of(2008, 12, 7), null, null), day,
                "clerk")).isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo("under-age");
                    assertThat(e.properties()).containsEntry("minimumAge", 18);
                });
    }

    @Test
    void bornOnTheTwentyNinthOfFebruaryIsOfAgeOnTheTwentyEighthOfACommonYear() {
        SaleOrder.AgeCheck leapling = new SaleOrder.AgeCheck(LocalDate.of(2008, 2, 29), null, null);
        assertThat(checks.require(18, leapling, LocalDate.of(2026, 2, 28), "clerk")).isNotNull();
        assertThatThrownBy(() -> checks.require(18, leapling, LocalDate.of(2026, 2, 27), "clerk"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void noRestrictionNeedsNoCheckAndTheDateOfBirthIsNeverShown() {
        assertThat(checks.require(0, null, LocalDate.of(2026, 12, 6), "clerk")).isNull();
        assertThat(new SaleOrder.AgeCheck(LocalDate.of(2008, 12, 6), null, null).toString()).doesNotContain("2008");
    }

    record InMemoryCatalog(List<CatalogItem> items) implements Catalog {

        @Override
        public Optional<CatalogItem> find(String skuOrBarcode) {
            return items.stream().filter(i -> i.sku().equals(skuOrBarcode)).findFirst();
        }

        @Override
        public List<CatalogItem> search(String query, int limit) {
            return List.of();
        }

        @Override
        public TaxCategory taxCategory(String code) {
            return STANDARD;
        }
    }
}
