package io.storedesk.pos.common;

/**
 * Waits until committed work is in the database file. With the embedded H2 database a commit is
 * first kept in memory (see README "Reliability and security"); code that is about to tell the
 * outside world about a commit - a card authorisation about to leave for the acquirer, whose row
 * must survive a crash so the payment can be reversed - waits for it here. Returns at once on
 * databases that are durable at commit (PostgreSQL).
 */
public interface Durability {

    /**
     * Blocks until everything committed before this call is stored.
     *
     * @throws IllegalStateException when the database cannot store it (e.g. the disk is full)
     */
    void awaitDurable();
}
