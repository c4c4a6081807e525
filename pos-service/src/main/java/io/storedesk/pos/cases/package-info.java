/**
 * Service cases: cases of a customer (or of nobody) with an append-only history (notes, escalation,
 * follow-ups, resolution with goodwill as store credit or a coupon, under the goodwill limits),
 * response and resolution figures, consumer complaints about goods on cases (legal deadline per
 * country, escalation before it runs out, one outcome; {@link io.storedesk.pos.cases.Complaints}
 * gives the printing module their confirmations), the goodwill coupons offered to the till as a
 * {@link io.storedesk.pos.promotion.CouponSource}, and the customer care and complaint report sections.
 * Takes part in a customer's GDPR export and erasure as a
 * {@link io.storedesk.pos.customer.CustomerRecords}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service cases",
        allowedDependencies = { "common", "customer", "identity", "journal", "mail", "promotion", "report.spi",
                "returns", "sale", "specialorder" })
package io.storedesk.pos.cases;
