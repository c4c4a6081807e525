/**
 * The customer care desk: customer records (contact details, loyalty card, preferred language,
 * consents recorded with their time), accent-insensitive search and duplicate detection, a
 * customer's purchase history (sales with their card and the returns of those sales), service
 * cases with an append-only history (notes, escalation, follow-ups, resolution with goodwill),
 * response and resolution figures, consumer complaints about goods on cases (legal deadline per
 * country, escalation before it runs out, one outcome; {@link io.storedesk.pos.customer.Complaints}
 * gives the printing module their confirmations), special (customer) orders with their deposit, arrival e-mail,
 * pickup and cancellation, the goodwill coupons it offers the till as a
 * {@link io.storedesk.pos.promotion.CouponSource}, and the GDPR export and erasure of a customer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers")
package io.storedesk.pos.customer;
