package io.storedesk.pos.headoffice.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.storedesk.pos.headoffice.HeadOfficeProperties;
import io.storedesk.pos.identity.StoreKeys;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The stores' keys from {@code pos.head-office.store-keys.<storeId>}, compared in constant time. */
@Component
@Profile("head-office")
class HeadOfficeStoreKeys implements StoreKeys {

    private final HeadOfficeProperties properties;

    HeadOfficeStoreKeys(HeadOfficeProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean matches(String storeId, String key) {
        String expected = properties.storeKeys().get(storeId);
        return expected != null && !expected.isBlank() && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
    }
}
