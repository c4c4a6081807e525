package io.storedesk.pos.sale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import io.storedesk.pos.payment.simulator.SimulatorMessage;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import io.storedesk.pos.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Card and split-tender sales over HTTP against the bundled acquirer simulator on loopback. */
class CardSaleIntegrationTests extends IntegrationTest {

    static final String VISA = "4761739001010010";
    static final String MASTERCARD_TRACK2 = ";5413330089010434=28122011234567890?";

    @Autowired
    AcquirerSimulator simulator;
    @Autowired
    CardPayments payments;
    @Value("${pos.data-path}")
    String dataPath;

    @BeforeEach
    void linkUp() {
        ensureOpen("D1");
        await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
        simulator.clearReceived();
    }

    private List<SimulatorMessage> received(String mti) {
        return simulator.received().stream().filter(m -> m.mti().equals(mti)).toList();
    }

    private Api.Response sale(String tenders, String sku, int quantity) {
        return api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"%s","quantity":%d}],"tenders":[%s]}""".formatted(sku, quantity, tenders));
    }

    @Test
    void aCardSaleIsApprovedAndKeepsOnlyTheMaskedCard() {
        Api.Response r = sale("{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}", "EL-2002", 1);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode tender = r.json().get("tenders").get(0);
        assertThat(tender.get("type").asString()).isEqualTo("CARD");
        assertThat(tender.get("amount").asString()).isEqualTo("49.00");
        assertThat(tender.get("maskedPan").asString()).isEqualTo("476173******0010");
        assertThat(tender.get("authCode").asString()).hasSize(6);
        assertThat(tender.get("rrn").asString()).hasSize(12);
        assertThat(r.json().get("cashRounding").asString()).isEqualTo("0.00");
        assertThat(r.body()).doesNotContain(VISA);
        assertThat(received("0200")).singleElement().satisfies(m -> assertThat(m.fields().get(4)).isEqualTo("000000004900"));
    }

    @Test
    void splitTenderTakesCashFirstAndTheCardPaysTheRest() {
        Api.Response r = sale("{\"type\":\"CASH\",\"amount\":\"20.00\"},{\"type\":\"CARD\",\"card\":{\"track2\":\""
                + MASTERCARD_TRACK2 + "\"}}", "EL-2002", 1);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode tenders = r.json().get("tenders");
        assertThat(tenders).hasSize(2);
        assertThat(tenders.get(0).get("type").asString()).isEqualTo("CARD");
        assertThat(tenders.get(0).get("amount").asString()).isEqualTo("29.00");
        assertThat(tenders.get(1).get("type").asString()).isEqualTo("CASH");
        assertThat(tenders.get(1).get("amount").asString()).isEqualTo("20.00");
        assertThat(r.json().get("totalPaid").asString()).isEqualTo("49.00");
        assertThat(received("0200")).singleElement().satisfies(m -> {
            assertThat(m.fields().get(4)).isEqualTo("000000002900");
            assertThat(m.fields()).containsKey(35);
        });
    }

    @Test
    void aDeclinedCardIsA402WithTheResponseCodeAndNothingIsStored() {
        long sales = count("sale");
        // 10.51 by card (the simulator declines amounts ending in .51), the rest in cash
        Api.Response r = sale("{\"type\":\"CASH\",\"amount\":\"40.00\"},{\"type\":\"CARD\",\"amount\":\"10.51\","
                + "\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}", "EL-2002", 1);

        assertThat(r.status()).as(r.body()).isEqualTo(402);
        assertThat(r.text("type")).endsWith("/problems/card-declined");
        assertThat(r.text("responseCode")).isEqualTo("51");
        assertThat(r.text("detail")).containsIgnoringCase("insufficient funds");
        assertThat(count("sale")).isEqualTo(sales);
    }

    @Test
    void noAnswerInTimeReversesTheChargeAndTheSaleIsNotCompleted() {
        long sales = count("sale");
        Api.Response r = sale("{\"type\":\"CARD\",\"amount\":\"66.66\",\"card\":{\"pan\":\"" + VISA
                + "\",\"expiry\":\"3012\"}},{\"type\":\"CASH\",\"amount\":\"40.00\"}", "EL-2002", 2);

        assertThat(r.status()).as(r.body()).isEqualTo(502);
        assertThat(r.text("type")).endsWith("/problems/card-outcome-unknown");
        assertThat(count("sale")).isEqualTo(sales);
        await().atMost(Duration.ofSeconds(15)).until(() -> !received("0400").isEmpty() || !received("0401").isEmpty());
        SimulatorMessage purchase = received("0200").get(0);
        SimulatorMessage reversal = Stream.concat(received("0400").stream(), received("0401").stream()).findFirst().orElseThrow();
        assertThat(reversal.fields().get(90)).startsWith("0200" + purchase.fields().get(11) + purchase.fields().get(7));
        assertThat(reversal.fields()).doesNotContainKeys(2, 35);
    }

    @Test
    void aRepeatedCardSaleChargesOnce() {
        String body = "{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}";
        String json = """
                {"drawerId":"D1","lines":[{"sku":"LV-1009","quantity":1}],"tenders":[%s]}""".formatted(body);
        Api.Response first = api.postIdempotent("/api/v1/sales", "clerk", "card-repeat-1", json);
        Api.Response again = api.postIdempotent("/api/v1/sales", "clerk", "card-repeat-1", json);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(received("0200")).hasSize(1);
    }

    @Test
    void badCardDataIsRefusedBeforeAnythingIsSent() {
        assertThat(sale("{\"type\":\"CARD\",\"card\":{\"pan\":\"4761739001010011\",\"expiry\":\"3012\"}}", "EL-2002", 1)
                .text("type")).endsWith("/problems/invalid-card-number");
        assertThat(sale("{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"2001\"}}", "EL-2002", 1)
                .text("type")).endsWith("/problems/card-expired");
        assertThat(sale("{\"type\":\"CARD\"}", "EL-2002", 1).status()).isEqualTo(400);
        assertThat(sale("{\"type\":\"CASH\",\"amount\":\"60.00\"},{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA
                + "\",\"expiry\":\"3012\"}}", "EL-2002", 1).status()).isEqualTo(422);
        assertThat(received("0200")).isEmpty();
    }

    @Test
    void theCardNumberIsNowhereInTheDatabaseFilesOrTheLog() throws IOException {
        sale("{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}", "LV-1011", 1);
        sale("{\"type\":\"CARD\",\"card\":{\"track2\":\"" + MASTERCARD_TRACK2 + "\"}}", "LV-1011", 1);
        sale("{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"2001\"}}", "LV-1011", 1);
        List<Path> files = new java.util.ArrayList<>();
        if (TestDatabase.postgres()) {
            // PostgreSQL keeps its files elsewhere: read every row instead
            assertThat(TestDatabase.everyRow(jdbc)).contains("476173******0010").doesNotContain(VISA, "5413330089010434");
        } else {
            api.post("/api/v1/admin/backups", "admin", "");
            jdbc.sql("CHECKPOINT").update();
            try (Stream<Path> walk = Files.walk(Path.of(dataPath))) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
            assertThat(files).anyMatch(p -> p.toString().endsWith(".mv.db"));
        }
        // The log file the service writes to now (the first Spring context of the test JVM may have chosen it).
        Path log = currentLogFile();
        assertThat(log).as("the service writes a log file").isNotNull().exists();
        files.add(log);
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).as(file.toString()).doesNotContain(VISA, "5413330089010434");
        }
    }

    private static Path currentLogFile() {
        var context = (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        for (var logger : context.getLoggerList()) {
            for (var it = logger.iteratorForAppenders(); it.hasNext();) {
                if (it.next() instanceof ch.qos.logback.core.FileAppender<?> file && file.getFile() != null) {
                    return Path.of(file.getFile());
                }
            }
        }
        return null;
    }
}
