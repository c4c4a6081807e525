package io.storedesk.pos.identity;

/**
 * SPI: the keys stores present to head office ({@code X-Store-Id} and {@code X-Store-Key}). The
 * head-office role provides the one bean; without it (the store role) no store key signs in.
 * A request with a valid key is signed in as the store id with the authority
 * {@link #AUTHORITY} (see {@link CurrentUser#storeId()}).
 */
public interface StoreKeys {

    /** The authority of a request signed in with a store key. */
    String AUTHORITY = "ROLE_STORE";

    /** Whether {@code key} is the key of store {@code storeId} (unknown store: false). */
    boolean matches(String storeId, String key);
}
