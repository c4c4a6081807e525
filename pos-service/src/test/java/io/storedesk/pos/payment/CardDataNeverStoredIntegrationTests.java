package io.storedesk.pos.payment;

import static io.storedesk.pos.payment.PaymentTestSupport.eur;
import static io.storedesk.pos.payment.PaymentTestSupport.MAESTRO;
import static io.storedesk.pos.payment.PaymentTestSupport.MASTERCARD;
import static io.storedesk.pos.payment.PaymentTestSupport.MASTERCARD_TRACK2;
import static io.storedesk.pos.payment.PaymentTestSupport.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.storedesk.pos.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs keyed, swiped, declined, timed-out and refused card payments with jPOS message logging
 * at DEBUG, then searches every file under the data directory (H2 database, Q2 descriptors,
 * logs) and everything logged for the card numbers used: none may appear. The masked PAN must
 * appear, which shows the search reads the right places.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "pos.data-dir=./target/test-data/card-data-never-stored",
        "logging.level.io.storedesk.pos.payment=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class CardDataNeverStoredIntegrationTests {

    private static final String DATA_DIR = "./target/test-data/card-data-never-stored";
    private static final String BAD_CHECK_DIGIT = "4761739001010011";

    @Autowired
    CardPayments payments;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PaymentTestSupport.register(registry, DATA_DIR);
    }

    @Test
    void noCardNumberReachesTheDatabaseTheFilesOrTheLogs(CapturedOutput output) throws IOException {
        await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());

        CardAuthorization keyed = payments.purchase(CardPurchase.keyed("R01", eur("10.00"), VISA, "3012", "b1"));
        catchThrowable(() -> payments.purchase(CardPurchase.keyed("R01", eur("10.51"), VISA, "3012", "b2")));
        payments.purchase(CardPurchase.swiped("R02", eur("9.00"), MASTERCARD_TRACK2, "b3"));
        catchThrowable(() -> payments.purchase(CardPurchase.keyed("R02", eur("66.66"), MAESTRO, "3012", "b4")));
        catchThrowable(() -> payments.purchase(CardPurchase.keyed("R01", eur("1.00"), BAD_CHECK_DIGIT, "3012", "b5")));
        payments.refund(keyed.reference(), eur("4.00"), "R01", "r1");
        await().atMost(Duration.ofSeconds(10)).until(() -> payments.status().pendingReversals() == 0);

        assertThat(output.getAll()).as("jPOS message dumps are logged, protected")
                .contains("476173______0010").contains("field id=\"35\"");
        String database = TestDatabase.postgres() ? TestDatabase.everyRow(jdbc) : contentsOf(Path.of(DATA_DIR).resolve("pos.mv.db"));
        assertThat(database).contains("476173******0010");
        List<String> secrets = List.of(VISA, MASTERCARD, MAESTRO, BAD_CHECK_DIGIT, MASTERCARD_TRACK2.substring(1, 22));
        for (String secret : secrets) {
            assertThat(database).as("the database must not contain a card number").doesNotContain(secret);
        }
        try (Stream<Path> files = Files.walk(Path.of(DATA_DIR))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = contentsOf(file);
                for (String secret : secrets) {
                    assertThat(content).as("%s must not contain a card number", file).doesNotContain(secret);
                }
            }
        }
        for (String secret : secrets) {
            assertThat(output.getAll()).as("log output must not contain a card number").doesNotContain(secret);
        }
    }

    private static String contentsOf(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
