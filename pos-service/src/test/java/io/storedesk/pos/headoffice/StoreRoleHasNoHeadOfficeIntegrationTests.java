package io.storedesk.pos.headoffice;

import java.util.Map;

import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** In the store role (the default) head office's endpoints do not exist and store keys sign nobody in. */
class StoreRoleHasNoHeadOfficeIntegrationTests extends IntegrationTest {

    @Test
    void headOfficeEndpointsAreNotFoundInAStore() {
        assertThat(api.get("/api/ho/v1/reports/daily?date=2026-11-24", "office").status()).isEqualTo(404);
        assertThat(api.get("/api/ho/v1/loyalty/accounts/2900000000017", "office").status()).isEqualTo(404);
        assertThat(api.post("/api/ho/v1/stores/S001/events", null, "{\"events\":[]}",
                Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001")).status()).isEqualTo(401);
        assertThat(api.get("/office/stores", "office").status()).isEqualTo(404);
        assertThat(api.get("/office", "office").body()).doesNotContain("/office/stores");
    }
}
