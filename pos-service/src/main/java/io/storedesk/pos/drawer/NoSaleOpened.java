package io.storedesk.pos.drawer;

/** A drawer was opened without a sale (journaled); the register's printer should kick it open. */
public record NoSaleOpened(String drawerId, String registerId, String user, String reason) {
}
