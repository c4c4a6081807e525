package io.storedesk.pos.common;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the idempotency table keeps of a card sale: a keyed fingerprint without the card, not a
 * plain hash a card number could be rebuilt from; its secret is a file under the data directory,
 * readable by the owner only.
 */
class RequestFingerprintIntegrationTests extends IntegrationTest {

    static final String VISA = "4761739001010010";
    static final String OTHER_VISA = "4111111111111111";

    @Autowired
    CardPayments payments;
    @Value("${pos.data-path}")
    String dataPath;

    @BeforeEach
    void linkUp() {
        ensureOpen("D1");
        await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
    }

    private static String cardSale(String pan, int quantity) {
        return """
                {"drawerId":"D1","lines":[{"sku":"LV-1009","quantity":%d}],
                 "tenders":[{"type":"CARD","card":{"pan":"%s","expiry":"3012"}}]}""".formatted(quantity, pan);
    }

    private String storedHash(String key) {
        return jdbc.sql("SELECT request_hash FROM idempotency_record WHERE scope = 'sale' AND idem_key = ?")
                .param(key).query(String.class).single();
    }

    @Test
    void aCardSaleLeavesAKeyedFingerprintThatDoesNotDependOnTheCard() throws Exception {
        long charges = count("card_transaction");
        Api.Response first = api.postIdempotent("/api/v1/sales", "clerk", "fp-card-1", cardSale(VISA, 1));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String hash = storedHash("fp-card-1");

        Api.Response otherCard = api.postIdempotent("/api/v1/sales", "clerk", "fp-card-1", cardSale(OTHER_VISA, 1));

        assertThat(hash).startsWith("h1:").hasSize(67);
        assertThat(hash.substring(3)).isNotEqualTo(sha256(cardSale(VISA, 1)));
        assertThat(otherCard.status()).as("only the card differs: the same request, replayed").isEqualTo(201);
        assertThat(otherCard.text("receiptNumber")).isEqualTo(first.text("receiptNumber"));
        assertThat(count("card_transaction") - charges).as("charged once").isOne();
        assertThat(storedHash("fp-card-1")).isEqualTo(hash);
    }

    @Test
    void theSameKeyWithAnotherBasketIsStillRefused() {
        assertThat(api.postIdempotent("/api/v1/sales", "clerk", "fp-card-2", cardSale(VISA, 1)).status())
                .isEqualTo(201);

        Api.Response other = api.postIdempotent("/api/v1/sales", "clerk", "fp-card-2", cardSale(VISA, 2));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.text("type")).endsWith("/problems/idempotency-key-reused");
    }

    @Test
    void theSecretIsAFileUnderTheDataDirectoryOnlyItsOwnerCanRead() throws Exception {
        Path file = Path.of(dataPath, "secrets", "fingerprint.key");

        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
