package io.storedesk.pos.drawer;

import java.util.Currency;

/** A configured drawer and the register it belongs to. */
public record DrawerInfo(String drawerId, String registerId, Currency currency) {
}
