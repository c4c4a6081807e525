package io.storedesk.pos.headoffice.internal;

import java.util.List;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.identity.CurrentUser;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stores' keys (HEAD_OFFICE and ADMIN users): {@code POST /api/ho/v1/stores/{storeId}/keys}
 * issues a new key (201, the key shown this once), {@code GET} lists them without the keys,
 * {@code DELETE .../keys/{keyId}} revokes one. Both hold on every node at once, without a restart.
 */
@RestController
@Profile("head-office")
class StoreKeyController {

    private static final String STORE_ID = "[A-Za-z0-9_-]{1,32}";

    private final HeadOfficeStoreKeys keys;

    StoreKeyController(HeadOfficeStoreKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/api/ho/v1/stores/{storeId}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    HeadOfficeStoreKeys.IssuedKey issue(@PathVariable String storeId) {
        return keys.issue(valid(storeId), CurrentUser.username());
    }

    @GetMapping("/api/ho/v1/stores/{storeId}/keys")
    List<HeadOfficeStoreKeys.KeyView> list(@PathVariable String storeId) {
        return keys.of(valid(storeId));
    }

    @DeleteMapping("/api/ho/v1/stores/{storeId}/keys/{keyId}")
    HeadOfficeStoreKeys.KeyView revoke(@PathVariable String storeId, @PathVariable String keyId) {
        return keys.revoke(valid(storeId), keyId, CurrentUser.username());
    }

    private static String valid(String storeId) {
        if (!storeId.matches(STORE_ID)) {
            throw ProblemException.invalidField("storeId", "must be 1 to 32 letters, digits, - or _");
        }
        return storeId;
    }
}
