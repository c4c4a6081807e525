package io.storedesk.pos.sale;

import java.time.Duration;
import java.time.LocalDate;

import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Age-restricted goods over HTTP (issue 24): the demo beer LV-1029 has {@code min_age} 18 in
 * config/seed/items.csv. The till must send an age check; a date of birth under 18 on the store's
 * business day is refused before any card is charged; the journal records the check, never the
 * date of birth.
 */
class AgeCheckIntegrationTests extends IntegrationTest {

    static final String BEER = "LV-1029";
    static final String VISA = "4761739001010010";

    @Autowired
    AcquirerSimulator simulator;
    @Autowired
    CardPayments payments;

    LocalDate businessDate;

    @BeforeEach
    void open() {
        ensureOpen("D1");
        businessDate = jdbc.sql("SELECT business_date FROM drawer_session WHERE drawer_id = 'D1' AND status = 'OPEN'")
                .query(LocalDate.class).single();
    }

    private Api.Response sale(String ageCheck, String tenders) {
        return api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1010","quantity":1},{"sku":"%s","quantity":2}],
                 "tenders":[%s]%s}""".formatted(BEER, tenders, ageCheck == null ? "" : ",\"ageCheck\":" + ageCheck));
    }

    private Api.Response cashSale(String ageCheck) {
        return sale(ageCheck, "{\"type\":\"CASH\",\"amount\":\"10.00\"}");
    }

    private JsonNode journaled(String receiptNumber) {
        String payload = jdbc.sql("SELECT payload FROM journal_entry WHERE type = 'SALE_COMPLETED' AND reference = ?")
                .param(receiptNumber).query(String.class).single();
        return JsonMapper.builder().build().readTree(payload);
    }

    @Test
    void aRestrictedLineWithoutACheckIsRefusedWithTheMinimumAgeAndNothingIsStored() {
        long sales = count("sale");

        Api.Response r = cashSale(null);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/age-check-required");
        assertThat(r.json().get("minimumAge").asInt()).isEqualTo(18);
        assertThat(count("sale")).isEqualTo(sales);
    }

    @Test
    void aDateOfBirthOneDayShortOfEighteenIsRefusedAsUnderAge() {
        long sales = count("sale");
        LocalDate oneDayShort = businessDate.minusYears(18).plusDays(1);

        Api.Response r = cashSale("{\"dateOfBirth\":\"" + oneDayShort + "\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/under-age");
        assertThat(r.json().get("minimumAge").asInt()).isEqualTo(18);
        assertThat(r.body()).doesNotContain(oneDayShort.toString());
        assertThat(count("sale")).isEqualTo(sales);
    }

    @Test
    void eighteenTodayIsAcceptedAndTheJournalHoldsTheCheckButNotTheDateOfBirth() {
        LocalDate exactlyEighteen = businessDate.minusYears(18);

        Api.Response r = cashSale("{\"dateOfBirth\":\"" + exactlyEighteen + "\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String receipt = r.text("receiptNumber");
        JsonNode check = journaled(receipt).get("ageCheck");
        assertThat(check.get("method").asString()).isEqualTo("DATE_OF_BIRTH");
        assertThat(check.get("minimumAge").asInt()).isEqualTo(18);
        assertThat(check.get("confirmed").asString()).isEqualTo("over 18 confirmed");
        assertThat(check.get("clerk").asString()).isEqualTo("clerk");
        String everything = String.join("\n", jdbc.sql("SELECT payload FROM journal_entry WHERE reference = ?")
                .param(receipt).query(String.class).list());
        assertThat(everything).doesNotContain(exactlyEighteen.toString(), "dateOfBirth");
        assertThat(r.body()).doesNotContain(exactlyEighteen.toString());
    }

    @Test
    void idCheckedAndLooksOverTheAgeIsAcceptedAndJournaled() {
        Api.Response r = cashSale("{\"idChecked\":true,\"looksOver\":25}");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode check = journaled(r.text("receiptNumber")).get("ageCheck");
        assertThat(check.get("method").asString()).isEqualTo("ID_CHECKED");
        assertThat(check.get("looksOver").asInt()).isEqualTo(25);
        assertThat(check.get("minimumAge").asInt()).isEqualTo(18);
    }

    @Test
    void lookingOverLessThanTheMinimumAgeDoesNotConfirmIt() {
        Api.Response r = cashSale("{\"idChecked\":true,\"looksOver\":16}");

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/age-check-required");
    }

    @Test
    void aCheckOfNeitherShapeIsABadRequest() {
        Api.Response r = cashSale("{\"idChecked\":false}");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.text("type")).endsWith("/problems/validation-failed");
    }

    @Test
    void aSaleWithoutRestrictedGoodsNeedsNoCheckAndJournalsNone() {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"LV-1010","quantity":1}],"tenders":[{"type":"CASH","amount":"1.00"}]}""");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(journaled(r.text("receiptNumber")).has("ageCheck")).isFalse();
    }

    @Test
    void aCardSaleUnderAgeChargesNoCard() {
        await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
        simulator.clearReceived();
        long cardTransactions = count("card_transaction");
        long sales = count("sale");

        Api.Response r = sale("{\"dateOfBirth\":\"" + businessDate.minusYears(16) + "\"}",
                "{\"type\":\"CARD\",\"card\":{\"pan\":\"" + VISA + "\",\"expiry\":\"3012\"}}");

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/under-age");
        assertThat(simulator.received().stream().filter(m -> m.mti().equals("0200")).toList()).isEmpty();
        assertThat(count("card_transaction")).isEqualTo(cardTransactions);
        assertThat(count("sale")).isEqualTo(sales);
    }

    @Test
    void theQuoteSaysTheCheckIsNeeded() {
        Api.Response restricted = api.post("/api/v1/sales/quote", "clerk", """
                {"lines":[{"sku":"LV-1010","quantity":1},{"sku":"%s","quantity":1}]}""".formatted(BEER));
        Api.Response plain = api.post("/api/v1/sales/quote", "clerk", """
                {"lines":[{"sku":"LV-1010","quantity":1}]}""");

        assertThat(restricted.status()).as(restricted.body()).isEqualTo(200);
        assertThat(restricted.json().get("ageCheckRequired").asInt()).isEqualTo(18);
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        JsonNode none = plain.json().get("ageCheckRequired");
        assertThat(none == null || none.isNull()).isTrue();
    }

    @Test
    void problemsReadInTheTillsLanguage() {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"%s","quantity":1}],"tenders":[{"type":"CASH","amount":"2.00"}]}"""
                .formatted(BEER), java.util.Map.of("Accept-Language", "lv"));

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.text("title")).isEqualTo("Jāpārbauda vecums");
        assertThat(r.text("detail")).contains("18");
    }
}
