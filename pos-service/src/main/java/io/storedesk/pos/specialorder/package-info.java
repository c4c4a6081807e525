/**
 * Special (customer) orders: an order for goods not in stock with the customer's deposit (cash or card,
 * into a drawer), the arrival e-mail, pickup as an exchange sale that counts the deposit, and
 * cancellation with the deposit refunded; in training, the training till keeps them. Takes part in
 * a customer's GDPR export and erasure as a {@link io.storedesk.pos.customer.CustomerRecords};
 * {@link io.storedesk.pos.specialorder.SpecialOrders} gives their figures to the customer care report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Special orders",
        allowedDependencies = { "catalog", "common", "customer", "drawer", "identity", "journal", "mail", "payment",
                "sale" })
package io.storedesk.pos.specialorder;
