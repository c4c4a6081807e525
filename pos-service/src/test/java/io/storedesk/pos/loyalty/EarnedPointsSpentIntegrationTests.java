package io.storedesk.pos.loyalty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import io.storedesk.pos.support.Race;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sale's earned points are spent, then the sale is returned (issue 22, finding 7): the points
 * already spent are kept back from the refund at their value (pos.loyalty.point-value 0.01),
 * shown on the return and its receipt, and the card's balance never goes below zero, also when
 * the spending and the return race each other. Drawer D3.
 */
class EarnedPointsSpentIntegrationTests extends IntegrationTest {

    private static final AtomicInteger CARDS = new AtomicInteger();

    @Autowired
    LoyaltyAccounts accounts;

    @BeforeEach
    void openDrawer() {
        ensureOpen("D3");
    }

    private String newCard() {
        String card = "79%011d".formatted(System.nanoTime() % 100_000_000_000L + CARDS.incrementAndGet());
        accounts.importSnapshot(new LoyaltyAccounts.Snapshot(card, "T-" + card, "Pēteris Liepa", null, 0,
                OffsetDateTime.parse("2026-11-20T10:00:00Z")));
        return card;
    }

    /** EL-2002, 49.00 in cash: earns 49 points. */
    private String earningSale(String card) {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","loyaltyCard":"%s","lines":[{"sku":"EL-2002","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"49.00"}]}""".formatted(card));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("pointsEarned").asInt()).isEqualTo(49);
        return r.text("receiptNumber");
    }

    /** LV-1001 (1.89): 49 points pay 0.49, cash the rest; earns 1 point. */
    private Api.Response spend(String card) {
        return api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","loyaltyCard":"%s","lines":[{"sku":"LV-1001","quantity":1}],
                 "tenders":[{"type":"LOYALTY_POINTS","points":49},{"type":"CASH","amount":"1.40"}]}""".formatted(card));
    }

    private Api.Response returnOf(String receipt) {
        return api.post("/api/v1/returns", "clerk", """
                {"receiptNumber":"%s","drawerId":"D3","lines":[{"lineNo":1,"quantity":1,"reason":"DEFECTIVE","restock":false}],
                 "refundMethod":"CASH"}""".formatted(receipt));
    }

    private long balance(String card) {
        return api.get("/api/v1/loyalty/" + card, "clerk").json().get("balance").asLong();
    }

    private List<String> entries(String card) {
        List<String> list = new ArrayList<>();
        api.get("/api/v1/loyalty/" + card + "/entries", "clerk").json()
                .forEach(e -> list.add(e.get("type").asString() + " " + e.get("points").asLong()));
        return list;
    }

    @Test
    void earnedPointsAlreadySpentAreKeptBackFromTheRefundAndShownOnTheReturn() throws Exception {
        String card = newCard();
        String receipt = earningSale(card);
        assertThat(spend(card).status()).isEqualTo(201);
        assertThat(balance(card)).isEqualTo(1);

        Api.Response r = returnOf(receipt);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        // 49 points to take back, 1 left on the card: 48 were spent, 0.48 kept back from the 49.00;
        // 48.52 in cash is rounded to 48.50
        assertThat(r.text("pointsSpent")).isEqualTo("-0.48");
        assertThat(r.text("refundTotal")).isEqualTo("48.50");
        assertThat(r.text("cashRounding")).isEqualTo("-0.02");
        assertThat(balance(card)).isZero();
        assertThat(entries(card)).contains("EARN_REVERSED -49", "EARN_REPAID 48");
        String number = r.text("returnNumber");
        assertThat(api.get("/api/v1/returns/" + number, "clerk").text("pointsSpent")).isEqualTo("-0.48");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/returns/" + number + "/receipt?format=pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Jau iztērētie punkti").contains("-0.48");
        }
    }

    @Test
    void aPostVoidOfASaleWhoseEarnedPointsWereSpentIsRefusedAndNothingChanges() {
        String card = newCard();
        String receipt = earningSale(card);
        assertThat(spend(card).status()).isEqualTo(201);
        assertThat(balance(card)).isEqualTo(1);
        List<String> before = entries(card);
        BigDecimal cashBefore = new BigDecimal(api.get("/api/v1/drawers/D3/x-report", "manager").text("expectedCash"));

        Api.Response voided = api.post("/api/v1/sales/" + receipt + "/void", "clerk",
                "{\"reason\":\"wrong basket\",\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}}");

        assertThat(voided.status()).as(voided.body()).isEqualTo(422);
        assertThat(voided.text("type")).endsWith("/points-already-spent");
        assertThat(voided.text("detail")).contains("Take a return instead");
        assertThat(api.get("/api/v1/sales/" + receipt, "clerk").text("status")).isEqualTo("COMPLETED");
        assertThat(balance(card)).isEqualTo(1);
        assertThat(entries(card)).isEqualTo(before);
        assertThat(new BigDecimal(api.get("/api/v1/drawers/D3/x-report", "manager").text("expectedCash")))
                .isEqualByComparingTo(cashBefore);
        // the return takes the sale back and keeps the spent points' value
        Api.Response returned = returnOf(receipt);
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        assertThat(balance(card)).isZero();
    }

    @Test
    void aPostVoidWhoseEarnedPointsAreStillOnTheCardTakesThemBack() {
        String card = newCard();
        String receipt = earningSale(card);

        Api.Response voided = api.post("/api/v1/sales/" + receipt + "/void", "clerk",
                "{\"reason\":\"wrong basket\",\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}}");

        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(balance(card)).isZero();
    }

    @Test
    void aReturnWhosePointsAreNotSpentRefundsInFull() {
        String card = newCard();
        Api.Response r = returnOf(earningSale(card));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.text("refundTotal")).isEqualTo("49.00");
        assertThat(r.json().get("pointsSpent").isNull()).isTrue();
        assertThat(balance(card)).isZero();
    }

    @Test
    void spendingPointsAndReturningTheSaleThatEarnedThemAtTheSameMomentNeverLeaveABalanceBelowZero() {
        for (int round = 0; round < 4; round++) {
            String card = newCard();
            String receipt = earningSale(card);
            List<Supplier<Api.Response>> contestants = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                contestants.add(i % 4 == 0 ? () -> returnOf(receipt) : () -> spend(card));
            }
            List<Api.Response> answers = Race.run(contestants);

            List<Api.Response> returns = answers.stream().filter(r -> r.body().contains("returnNumber")).toList();
            long spent = answers.stream().filter(r -> r.status() == 201 && r.body().contains("receiptNumber")
                    && !r.body().contains("returnNumber")).count();
            assertThat(returns).as("%s", answers).hasSize(1);
            assertThat(spent).as("%s", answers).isLessThanOrEqualTo(1);
            assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409, 422));
            long balance = balance(card);
            assertThat(balance).isNotNegative();
            List<String> entries = entries(card);
            long repaid = entries.stream().filter(e -> e.startsWith("EARN_REPAID "))
                    .mapToLong(e -> Long.parseLong(e.substring("EARN_REPAID ".length()))).sum();
            BigDecimal refund = new BigDecimal(returns.get(0).text("refundTotal"))
                    .subtract(new BigDecimal(returns.get(0).text("cashRounding")));
            assertThat(refund).isEqualByComparingTo(new BigDecimal("49.00").subtract(BigDecimal.valueOf(repaid, 2)));
            // whatever came first: earned 49 (+1 if spent) - spent 49 - reversed 49 + repaid = balance
            assertThat(balance).isEqualTo(49 + spent - 49 * spent - 49 + repaid);
        }
    }
}
