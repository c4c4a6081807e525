package io.storedesk.pos.specialorder;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import io.storedesk.pos.payment.CardPayments;
import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import io.storedesk.pos.payment.simulator.SimulatorMessage;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.Smtp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static io.storedesk.pos.customer.CustomerTestSupport.createCustomer;
import static io.storedesk.pos.customer.CustomerTestSupport.phone;
import static io.storedesk.pos.customer.CustomerTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Special (customer) orders over HTTP with real peers: the arrival e-mail goes through a real SMTP
 * server (GreenMail on a free port), card deposits are charged and refunded through the bundled
 * acquirer simulator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/special-orders-${random.uuid}",
                "pos.mail.poll-interval=200ms", "pos.mail.retry-delay=200ms",
                "pos.mail.max-retry-delay=1s"})
class SpecialOrderIntegrationTests {

    static final String VISA = "4761739001010010";
    static final int SMTP_PORT = Smtp.freePort();
    static final GreenMail smtp = Smtp.start(SMTP_PORT);

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AcquirerSimulator simulator;
    @Autowired
    CardPayments payments;
    Api api;
    SpecialOrderSteps steps;

    @BeforeEach
    void connect() {
        api = new Api(port);
        steps = new SpecialOrderSteps(api, "clerk");
        await().atMost(Duration.ofSeconds(20)).until(() -> payments.status().signedOn());
        simulator.clearReceived();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aCashDepositOrderArrivesIsEmailedAndIsPickedUpPayingTheBalance() throws Exception {
        open("D1");
        String email = "anna." + unique() + "@example.lv";
        String customer = createCustomer(api, "Anna Bērziņa", phone(), email, null);
        String body = SpecialOrderSteps.CASH_DEPOSIT_ORDER.formatted(customer);

        Api.Response created = api.postIdempotent("/api/v1/special-orders", "clerk", "so-cash-" + customer, body);
        Api.Response again = api.postIdempotent("/api/v1/special-orders", "clerk", "so-cash-" + customer, body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(created.body());
        assertThat(again.headers().get("idempotent-replayed")).isEqualTo("true");
        String number = created.text("orderNumber");
        assertThat(number).matches("S001-SO-\\d{6}");
        SpecialOrderSteps.assertCashDepositOrder(created);
        JsonNode x = api.get("/api/v1/drawers/D1/x-report", "manager").json();
        assertThat(x.get("deposits").asString()).isEqualTo("20.00");
        assertThat(x.get("expectedCash").asString()).isEqualTo("70.00");           // 50.00 float + the deposit
        assertThat(api.get("/api/v1/special-orders?customerId=" + customer + "&status=ORDERED", "clerk").json())
                .singleElement().satisfies(o -> assertThat(o.get("orderNumber").asString()).isEqualTo(number));

        steps.arrive(number); // no pickup before it arrived, one arrival

        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(
                api.get("/api/v1/special-orders/" + number, "clerk").json().get("emails").get(0).get("status").asString()));
        MimeMessage mail = List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> Smtp.subject(m).contains(number)).findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(mail.getSubject()).contains("arrived");
        assertThat(mail.getContent().toString()).contains(number, "Deposit paid: 20.00 EUR", "To pay at pickup: 29.00 EUR");

        Api.Response pickup = api.postIdempotent("/api/v1/special-orders/" + number + "/pickup", "clerk",
                "so-pickup-" + number, SpecialOrderSteps.CASH_PICKUP);
        steps.assertPickedUpPayingTheRest(pickup);
        Api.Response repeated = api.postIdempotent("/api/v1/special-orders/" + number + "/pickup", "clerk",
                "so-pickup-" + number, SpecialOrderSteps.CASH_PICKUP);
        assertThat(repeated.body()).isEqualTo(pickup.body());

        assertThat(api.get("/api/v1/special-orders/" + number, "clerk").text("status")).isEqualTo("PICKED_UP");
        assertThat(post(number, "pickup", "{\"drawerId\":\"D1\"}").status()).isEqualTo(409);
        assertThat(post(number, "cancel", "{\"reason\":\"too late\"}").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/drawers/D1/x-report", "manager").text("expectedCash")).isEqualTo("99.00");
        assertThat(journal(number)).containsExactly("SPECIAL_ORDER_CREATED", "SPECIAL_ORDER_ARRIVED",
                "SPECIAL_ORDER_PICKED_UP");
    }

    @Test
    void aCancelledCardDepositOrderIsRefundedToTheCard() {
        String customer = createCustomer(api, "Petr Dvořák", phone(), null, null);
        Api.Response created = api.postIdempotent("/api/v1/special-orders", "clerk", "so-card-" + customer, """
                {"customerId":"%s","drawerId":"D2","lines":[{"sku":"LV-1001","quantity":4}],
                 "deposit":{"type":"CARD","amount":"5.00","card":{"pan":"%s","expiry":"3012"}},
                 "note":"Call Petr on +420 601 123 456"}"""
                .formatted(customer, VISA));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String number = created.text("orderNumber");
        assertThat(created.json().get("deposit").get("maskedPan").asString()).isEqualTo("476173******0010");
        SimulatorMessage purchase = sent("000000").get(0);
        assertThat(purchase.fields().get(4)).isEqualTo("000000000500");

        Api.Response cancelled = api.postIdempotent("/api/v1/special-orders/" + number + "/cancel", "clerk",
                "so-cancel-" + number, "{\"reason\":\"Customer changed their mind\"}");
        Api.Response again = api.postIdempotent("/api/v1/special-orders/" + number + "/cancel", "clerk",
                "so-cancel-" + number, "{\"reason\":\"Customer changed their mind\"}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(cancelled.body());
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("cancelReason")).isEqualTo("Customer changed their mind");
        assertThat(cancelled.json().get("refund").get("type").asString()).isEqualTo("CARD");
        assertThat(cancelled.json().get("refund").get("amount").asString()).isEqualTo("5.00");
        assertThat(sent("200000")).singleElement().satisfies(refund -> {
            assertThat(refund.fields().get(4)).isEqualTo("000000000500");
            assertThat(refund.fields().get(37)).isNotBlank();       // names the deposit's purchase by its RRN
            assertThat(refund.fields()).doesNotContainKeys(2, 35);
        });
        assertThat(post(number, "arrived", "").status()).isEqualTo(409);
        assertThat(post(number, "cancel", "{\"reason\":\"again\"}").status()).isEqualTo(409);
        assertThat(journal(number)).containsExactly("SPECIAL_ORDER_CREATED", "SPECIAL_ORDER_CANCELLED");

        JsonNode export = api.get("/api/v1/customers/" + customer + "/export", "manager").json();
        assertThat(export.get("specialOrders")).singleElement().satisfies(o -> {
            assertThat(o.get("orderNumber").asString()).isEqualTo(number);
            assertThat(o.get("note").asString()).contains("+420 601 123 456");
        });
        assertThat(api.post("/api/v1/customers/" + customer + "/erase", "manager", "{\"reason\":\"request 17\"}")
                .status()).isEqualTo(200);
        Api.Response erased = api.get("/api/v1/special-orders/" + number, "clerk");
        assertThat(erased.text("note")).isEqualTo("[erased]");
        assertThat(erased.json().get("deposit").get("amount").asString()).isEqualTo("5.00");
    }

    @Test
    void aCashDepositNeedsAnOpenDrawerAndACancelledOneGoesBackOutOfIt() {
        String customer = createCustomer(api, "Ivan Petrov", phone(), null, null);
        String body = """
                {"customerId":"%s","drawerId":"D3","lines":[{"sku":"EL-2002","quantity":1}],
                 "deposit":{"type":"CASH","amount":"10.00"}}""".formatted(customer);
        Api.Response closed = api.post("/api/v1/special-orders", "clerk", body);
        assertThat(closed.status()).as(closed.body()).isEqualTo(409);
        assertThat(closed.text("type")).endsWith("/problems/drawer-not-open");
        assertThat(api.get("/api/v1/special-orders?customerId=" + customer, "clerk").json()).isEmpty();
        assertThat(api.post("/api/v1/special-orders", "clerk", body.replace("10.00", "60.00")).text("type"))
                .endsWith("/problems/deposit-exceeds-total");

        open("D3");
        Api.Response created = api.post("/api/v1/special-orders", "clerk", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String number = created.text("orderNumber");
        assertThat(api.get("/api/v1/drawers/D3/x-report", "manager").text("expectedCash")).isEqualTo("60.00");
        Api.Response cancelled = post(number, "cancel", "{\"reason\":\"Supplier discontinued it\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("refund").get("type").asString()).isEqualTo("CASH");
        JsonNode x = api.get("/api/v1/drawers/D3/x-report", "manager").json();
        assertThat(x.get("expectedCash").asString()).isEqualTo("50.00");
        assertThat(x.get("depositRefunds").asString()).isEqualTo("10.00");
    }

    @Test
    void aPickupOfAgeRestrictedGoodsTakesTheAgeCheckAndAnExportPickupIsSoldWithoutTax() {
        open("D1");
        String customer = createCustomer(api, "Jānis Alus " + unique(), phone(), null, null);
        JsonNode sale = steps.ageCheckedPickup(customer).sale();
        assertThat(jdbc.sql("SELECT payload FROM journal_entry WHERE type = 'SALE_COMPLETED' AND reference = ?")
                .param(sale.get("receiptNumber").asString()).query(String.class).single()).contains("\"ageCheck\"");

        // an order collected for export: no tax, the manager approves, the deposit still counts
        String traveller = createCustomer(api, "Olena Export " + unique(), phone(), null, null);
        Api.Response phones = api.post("/api/v1/special-orders", "clerk", """
                {"customerId":"%s","drawerId":"D1","lines":[{"sku":"EL-2002","quantity":1}],
                 "deposit":{"type":"CASH","amount":"20.00"}}""".formatted(traveller));
        String exportNumber = phones.text("orderNumber");
        assertThat(post(exportNumber, "arrived", "").status()).isEqualTo(200);
        String export = """
                {"drawerId":"D1","tenders":[{"type":"CASH","amount":"20.50"}],
                 "taxExemption":{"reason":"EXPORT","document":"UA FX 654321"}%s}""";
        Api.Response unapproved = post(exportNumber, "pickup", export.formatted(""));
        assertThat(unapproved.status()).as(unapproved.body()).isEqualTo(422);
        assertThat(unapproved.text("type")).endsWith("/problems/tax-exempt-needs-approval");
        Api.Response exempt = post(exportNumber, "pickup",
                export.formatted(",\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}"));
        assertThat(exempt.status()).as(exempt.body()).isEqualTo(201);
        JsonNode exemptSale = exempt.json().get("sale");
        assertThat(exemptSale.get("total").asString()).isEqualTo("40.50");
        assertThat(exemptSale.get("taxTotal").asString()).isEqualTo("0.00");
        assertThat(exemptSale.get("taxExemption").get("approvedBy").asString()).isEqualTo("manager");
        assertThat(exemptSale.get("tenders").toString()).contains("\"type\":\"DEPOSIT\",\"amount\":\"20.00\"");
    }

    @Test
    void aPickupAndACancelOfOneOrderAtTheSameMomentHaveOneWinner() {
        open("D2");
        for (int round = 0; round < 3; round++) {
            String customer = createCustomer(api, "Race " + unique(), phone(), null, null);
            Api.Response created = api.post("/api/v1/special-orders", "clerk", """
                    {"customerId":"%s","drawerId":"D2","lines":[{"sku":"EL-2002","quantity":1}],
                     "deposit":{"type":"CASH","amount":"20.00"}}""".formatted(customer));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String number = created.text("orderNumber");
            assertThat(post(number, "arrived", "").status()).isEqualTo(200);
            java.math.BigDecimal before = new java.math.BigDecimal(
                    api.get("/api/v1/drawers/D2/x-report", "manager").text("expectedCash"));
            List<java.util.function.Supplier<Api.Response>> contestants = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                contestants.add(i % 2 == 0
                        ? () -> post(number, "pickup", "{\"drawerId\":\"D2\",\"tenders\":[{\"type\":\"CASH\",\"amount\":\"29.00\"}]}")
                        : () -> post(number, "cancel", "{\"reason\":\"race\",\"drawerId\":\"D2\"}"));
            }
            List<Api.Response> answers = io.storedesk.pos.support.Race.run(contestants);

            List<Api.Response> won = answers.stream().filter(r -> r.status() == 200 || r.status() == 201).toList();
            assertThat(won).as("%s", answers).hasSize(1);
            assertThat(answers).filteredOn(r -> r.status() != 200 && r.status() != 201)
                    .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(409));
            boolean pickedUp = won.get(0).status() == 201;
            assertThat(api.get("/api/v1/special-orders/" + number, "clerk").text("status"))
                    .isEqualTo(pickedUp ? "PICKED_UP" : "CANCELLED");
            java.math.BigDecimal after = new java.math.BigDecimal(
                    api.get("/api/v1/drawers/D2/x-report", "manager").text("expectedCash"));
            assertThat(after.subtract(before)).isEqualByComparingTo(pickedUp ? "29.00" : "-20.00");
        }
    }

    private void open(String drawer) {
        Api.Response r = api.post("/api/v1/drawers/" + drawer + "/open", "clerk", "{\"float\":{\"20.00\":2,\"5.00\":2}}");
        assertThat(r.status()).as(r.body()).isIn(201, 409);
    }

    private Api.Response post(String number, String step, String body) {
        return steps.step(number, step, body);
    }

    private List<SimulatorMessage> sent(String processingCode) {
        return simulator.received().stream()
                .filter(m -> m.mti().equals("0200") && processingCode.equals(m.processingCode())).toList();
    }

    private List<String> journal(String number) {
        return jdbc.sql("SELECT type FROM journal_entry WHERE reference = ? AND type LIKE 'SPECIAL_ORDER%' ORDER BY occurred_at").param(number)
                .query(String.class).list();
    }

}
