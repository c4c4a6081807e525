package io.storedesk.pos.sale.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pos.age-restrictions.*}: age-restricted goods by department (an item can also be
 * restricted on its own, {@code item.min_age}; the higher of the two applies).
 *
 * @param departments department code -> the age a customer must have reached to buy its items
 */
@ConfigurationProperties("pos.age-restrictions")
record AgeRestrictionProperties(Map<String, Integer> departments) {

    AgeRestrictionProperties {
        departments = departments == null ? Map.of() : Map.copyOf(departments);
        departments.forEach((department, age) -> {
            if (age == null || age < 1 || age > 99) {
                throw new IllegalArgumentException(
                        "pos.age-restrictions.departments." + department + " must be an age 1..99");
            }
        });
    }
}
