package io.storedesk.pos.catalog.internal;

import java.math.BigDecimal;
import java.time.Instant;

import io.storedesk.pos.catalog.Ean13;
import io.storedesk.pos.catalog.SearchText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "item")
class Item {

    @Id
    private String sku;
    private String barcode;
    private String name;
    private String department;
    private BigDecimal price;
    private String currency;
    @Column(name = "tax_category")
    private String taxCategory;
    @Column(name = "search_text")
    private String searchText;
    private boolean active;
    @Column(name = "min_age")
    private Integer minAge;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Item() {
    }

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
}
