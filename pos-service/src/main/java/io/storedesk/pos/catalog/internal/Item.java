package io.storedesk.pos.catalog.internal;

import java.math.BigDecimal;
import java.time.Instant;

import io.storedesk.pos.catalog.Ean13;
import io.storedesk.pos.catalog.SearchText;

/**
 * An item of the store's own catalogue as the seed file gives it; {@link ItemRepository} inserts it (JDBC, ADR 0006).
 * Head office's items and prices are written by {@link CatalogService}.
 */
class Item {

    private String sku;
    private String barcode;
    private String name;
    private String department;
    private BigDecimal price;
    private String currency;
    private String taxCategory;
    private String searchText;
    private boolean active;
    private Integer minAge;
    private Instant updatedAt;

    Item(String sku, String barcode, String name, String department, BigDecimal price, String currency,
            String taxCategory, Instant now) {
        if (!Ean13.isValid(barcode)) {
            throw new IllegalArgumentException("barcode " + barcode + " of " + sku + " is not a valid EAN-13");
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price of " + sku + " is negative");
        }
        this.sku = sku;
        this.barcode = barcode;
        this.name = name;
        this.department = department;
        this.price = price;
        this.currency = currency;
        this.taxCategory = taxCategory;
        this.searchText = SearchText.fold(name + " " + sku + " " + barcode);
        this.active = true;
        this.updatedAt = now;
    }

    String sku() {
        return sku;
    }

    String barcode() {
        return barcode;
    }

    String name() {
        return name;
    }

    String department() {
        return department;
    }

    BigDecimal price() {
        return price;
    }

    String currency() {
        return currency;
    }

    String taxCategory() {
        return taxCategory;
    }

    /** The age a customer must have reached to buy this item; null = none of its own. */
    Integer minAge() {
        return minAge;
    }

    Item restrictToAge(Integer minAge) {
        if (minAge != null && (minAge < 1 || minAge > 99)) {
            throw new IllegalArgumentException("minimum age of " + sku + " must be 1..99");
        }
        this.minAge = minAge;
        return this;
    }

    boolean active() {
        return active;
    }

    String searchText() {
        return searchText;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
