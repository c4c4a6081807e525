/**
 * Card payments over ISO 8583:1987 with jPOS: authorises purchases, refunds to the original
 * card by reference, reverses through a persistent store-and-forward queue, and watches the
 * acquirer link (sign-on, echo). {@link io.storedesk.pos.payment.CardPayments} is the port the
 * sale and returns modules call; full card numbers live only in memory for one request, the
 * database keeps the masked PAN, brand, authorisation code, RRN and our reference. The bundled
 * acquirer simulator serves the demo and the tests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments",
        allowedDependencies = { "common", "journal" })
package io.storedesk.pos.payment;
