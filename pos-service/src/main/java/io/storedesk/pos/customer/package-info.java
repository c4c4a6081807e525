/**
 * Customers: customer records (contact details, loyalty card, preferred language, consents
 * recorded with their time), accent-insensitive search and duplicate detection, a customer's
 * purchase history (sales with their card and the returns of those sales), and the GDPR export
 * and erasure of a customer. {@link io.storedesk.pos.customer.Customers} is how other modules find
 * (and lock) a customer; the modules that keep records about customers (service cases, special
 * orders) take part in the export and erasure as {@link io.storedesk.pos.customer.CustomerRecords},
 * so this module depends on none of them. {@link io.storedesk.pos.customer.CustomerProperties} holds
 * the customer desk's settings ({@code pos.customer.*}), read by those modules too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers",
        allowedDependencies = { "common", "identity", "journal", "loyalty", "returns", "sale" })
package io.storedesk.pos.customer;
