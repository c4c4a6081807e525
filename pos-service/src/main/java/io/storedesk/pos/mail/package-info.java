/**
 * Outgoing e-mail: one persistent outbox for every e-mail the store sends (receipts, complaint
 * confirmations, "your order has arrived"). A module queues an e-mail in its own transaction, so it
 * leaves only for a change that committed; a scheduled sender renders it at send time through the
 * {@link io.storedesk.pos.mail.MailDocuments} of the module that owns the document, sends it by
 * SMTP, retries with exponential back-off while the mail server is away, and marks it SENT, or
 * FAILED after the last attempt. Every e-mail of a document can be listed with its status.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package io.storedesk.pos.mail;
