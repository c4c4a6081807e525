package io.storedesk.pos.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.util.GreenMail;
import io.storedesk.pos.customer.CustomerTestSupport;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.MutableClock;
import io.storedesk.pos.support.Smtp;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Complaints about goods in a Czech store over HTTP (Act 634/1992 Sb. s. 19): intake with its written
 * confirmation (A4 PDF read back in Czech, ESC/POS on the register's printer, e-mail through a real SMTP
 * server), the 30-day clock on a fixed clock (escalated before, due on day 30, overdue on day 31), the
 * outcome and its confirmation, and a settlement that happens once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/complaints-${random.uuid}",
                "pos.store.name=Prodejna Brno", "pos.store.address=Masarykova 12, 602 00 Brno",
                "pos.store.vat-number=CZ12345678", "pos.store.locale=cs-CZ", "pos.store.zone=Europe/Prague",
                "pos.store.currency=CZK", "pos.complaints.escalation-interval=200ms",
                "pos.mail.poll-interval=200ms", "pos.mail.retry-delay=200ms",
                "pos.mail.max-retry-delay=1s"})
class ComplaintIntegrationTests {

    static final int SMTP_PORT = Smtp.freePort();
    static final GreenMail smtp = Smtp.start(SMTP_PORT);
    static final Path PRINTER = printerFile();
    /** 10:00 in Prague on 1 April 2030: the day the complaint is made. */
    static final Instant DAY_0 = Instant.parse("2030-04-01T08:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(DAY_0);
        }
    }

    @DynamicPropertySource
    static void peers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("pos.printing.printers.R9", () -> "file:" + PRINTER);
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
        clock.set(DAY_0);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aCzechComplaintGoesFromIntakeToOutcomeWithBothConfirmationsInCzechAndTheThirtyDayClock() throws Exception {
        String email = "jana.novakova." + CustomerTestSupport.unique() + "@example.cz";
        Api.Response wrongRemedy = receive("""
                {"item":"Rychlovarná konvice K-200","defect":"Netopí","remedy":"MONEY_BACK","notifyBy":"PHONE",
                 "contact":"+420 601 123 456"}""");
        assertThat(wrongRemedy.status()).isEqualTo(400);
        assertThat(wrongRemedy.text("type")).endsWith("/problems/validation-failed");
        assertThat(wrongRemedy.text("detail")).contains("remedy", "REPAIR, REPLACEMENT, DISCOUNT, REFUND");
        Api.Response noAddress = receive("""
                {"item":"Rychlovarná konvice K-200","defect":"Netopí","remedy":"REPAIR","notifyBy":"EMAIL"}""");
        assertThat(noAddress.status()).isEqualTo(400);
        assertThat(noAddress.text("detail")).contains("contact");
        assertThat(receive("{\"item\":\"Konvice\",\"remedy\":\"REPAIR\",\"notifyBy\":\"PHONE\",\"contact\":\"1\"}")
                .status()).isEqualTo(400);                                          // no defect

        Api.Response received = receive("""
                {"item":"Rychlovarná konvice K-200","defect":"Po týdnu přestala hřát, kontrolka bliká.",
                 "remedy":"REPAIR","notifyBy":"EMAIL","contact":"%s"}""".formatted(email));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String number = received.text("complaintNumber");
        assertThat(number).matches("S001-CMP-\\d{6}");
        assertThat(received.text("status")).isEqualTo("OPEN");
        assertThat(received.text("country")).isEqualTo("CZ");
        assertThat(received.json().get("settlementDays").asInt()).isEqualTo(30);
        assertThat(received.text("dueDate")).isEqualTo("2030-05-01");
        assertThat(received.json().get("daysLeft").asInt()).isEqualTo(30);
        assertThat(received.text("clock")).isEqualTo("ON_TIME");
        String caseNumber = received.text("caseNumber");
        JsonNode kase = api.get("/api/v1/cases/" + caseNumber, "clerk").json();
        assertThat(kase.get("category").asString()).isEqualTo("COMPLAINT");
        assertThat(kase.get("history").valueStream().map(e -> e.get("type").asString())).containsExactly("OPENED",
                "COMPLAINT");

        String intake = pdfText(number, "RECEIVED");
        assertThat(intake).contains("Prodávající: Prodejna Brno", "Masarykova 12", "DIČ CZ12345678",
                "Potvrzení o uplatnění reklamace", "Číslo reklamace " + number, "Datum uplatnění 01.04.2030 10:00",
                "Zboží Rychlovarná konvice K-200", "Popis vady Po týdnu přestala hřát, kontrolka bliká.",
                "Požadovaný způsob vyřízení oprava", "Způsob vyrozumění o vyřízení e-mailem (" + email + ")",
                "Lhůta pro vyřízení 01.05.2030",
                "nejpozději do 30 dnů ode dne jejího uplatnění, tj. do 01.05.2030",
                "§ 19 zákona č. 634/1992 Sb., o ochraně spotřebitele");
        assertThat(api.get("/api/v1/complaints/" + number + "/confirmation?document=SETTLED", "clerk").status())
                .isEqualTo(409);

        Api.Response printed = api.post("/api/v1/complaints/" + number + "/print", "clerk", "{\"registerId\":\"R9\"}");
        assertThat(printed.status()).as(printed.body()).isEqualTo(200);
        byte[] printer = Files.readAllBytes(PRINTER);
        assertThat(printer.length).isEqualTo(printed.json().get("bytes").asInt());
        assertThat(new String(printer, Charset.forName("IBM852")))
                .contains("Potvrzení o uplatnění reklamace", number, "Popis vady: Po týdnu přestala hřát");

        MimeMessage intakeMail = mailTo(email, 1).get(0);
        assertThat(intakeMail.getSubject()).contains("Potvrzení o uplatnění reklamace", number);
        assertThat(attachedPdfText(intakeMail)).contains("Potvrzení o uplatnění reklamace", "Popis vady");

        // the clock: escalated 5 days before the deadline, once; due on day 30; overdue on day 31
        clock.set(Instant.parse("2030-04-26T08:00:00Z"));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(number).get("escalatedAt").isNull() == false);
        assertThat(get(number).get("clock").asString()).isEqualTo("ESCALATE");
        assertThat(get(number).get("daysLeft").asInt()).isEqualTo(5);
        assertThat(api.get("/api/v1/cases/" + caseNumber, "clerk").text("status")).isEqualTo("ESCALATED");
        clock.set(Instant.parse("2030-04-27T08:00:00Z"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> journal(number).equals(List.of("COMPLAINT_RECEIVED", "COMPLAINT_ESCALATED")));

        clock.set(Instant.parse("2030-05-01T08:00:00Z"));                           // day 30
        assertThat(get(number).get("clock").asString()).isEqualTo("DUE_TODAY");
        assertThat(get(number).get("daysLeft").asInt()).isEqualTo(0);
        assertThat(numbers("/api/v1/complaints?due=today")).contains(number);
        assertThat(numbers("/api/v1/complaints?due=overdue")).doesNotContain(number);
        assertThat(api.get("/api/v1/complaints/figures", "manager").json().get("overdue").asLong()).isZero();

        clock.set(Instant.parse("2030-05-02T08:00:00Z"));                           // day 31
        assertThat(get(number).get("clock").asString()).isEqualTo("OVERDUE");
        assertThat(get(number).get("daysLeft").asInt()).isEqualTo(-1);
        assertThat(numbers("/api/v1/complaints?due=overdue")).contains(number);
        JsonNode figures = api.get("/api/v1/complaints/figures", "manager").json();
        assertThat(figures.get("overdue").asLong()).isEqualTo(1);
        assertThat(figures.get("escalated").asLong()).isEqualTo(1);

        Api.Response refusedWithoutReason = settle(number, "{\"outcome\":\"REFUSED\"}");
        assertThat(refusedWithoutReason.status()).isEqualTo(422);
        assertThat(refusedWithoutReason.text("type")).endsWith("/problems/refusal-reason-required");
        Api.Response settled = settle(number, "{\"outcome\":\"REPAIRED\",\"note\":\"Vyměněn termostat.\"}");
        assertThat(settled.status()).as(settled.body()).isEqualTo(200);
        assertThat(settled.text("status")).isEqualTo("SETTLED");
        assertThat(settled.text("outcome")).isEqualTo("REPAIRED");
        assertThat(settled.text("clock")).isEqualTo("SETTLED_LATE");
        assertThat(settled.text("settlementTime")).isEqualTo("PT744H");
        Api.Response again = settle(number, "{\"outcome\":\"REFUNDED\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).endsWith("/problems/complaint-already-settled");
        assertThat(get(number).get("outcome").asString()).isEqualTo("REPAIRED");

        String outcome = pdfText(number, "SETTLED");
        assertThat(outcome).contains("Potvrzení o vyřízení reklamace", "Číslo reklamace " + number,
                "Datum uplatnění 01.04.2030 10:00", "Popis vady Po týdnu přestala hřát",
                "Způsob vyřízení uznána – zboží bylo opraveno", "Poznámka Vyměněn termostat.",
                "Datum vyřízení 02.05.2030 10:00", "Reklamaci vyřídil(a) clerk", "§ 19 odst. 1 zákona č. 634/1992 Sb.");
        MimeMessage outcomeMail = mailTo(email, 2).stream()
                .filter(m -> Smtp.subject(m).contains("vyřízení")).findFirst().orElseThrow();
        assertThat(attachedPdfText(outcomeMail)).contains("Potvrzení o vyřízení reklamace", "uznána – zboží bylo opraveno");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/complaints/" + number + "/emails", "clerk")
                .json().valueStream().filter(e -> e.get("status").asString().equals("SENT")).count() == 2);

        figures = api.get("/api/v1/complaints/figures", "manager").json();
        assertThat(figures.get("overdue").asLong()).isZero();
        assertThat(figures.get("settled").asLong()).isEqualTo(1);
        assertThat(figures.get("settledLate").asLong()).isEqualTo(1);
        assertThat(figures.get("settlementTime").get("average").asString()).isEqualTo("PT744H");
        assertThat(journal(number)).containsExactly("COMPLAINT_RECEIVED", "COMPLAINT_ESCALATED", "COMPLAINT_SETTLED");
        Api.Response report = api.get("/api/v1/reports/daily?date=2030-05-02", "manager");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode section = report.json().get("sections").get("complaints");
        assertThat(section.get("settled").asLong()).isEqualTo(1);
        assertThat(section.get("settledLate").asLong()).isEqualTo(1);
        assertThat(section.get("averageSettlementTime").asString()).isEqualTo("PT744H");
        assertThat(section.get("overdue").asLong()).isZero();
    }

    @Test
    void aComplaintOnAnExistingCaseIsRefusedWithItsReasonAndSettledOnlyOnceWhenTwoClerksSettleAtOnce()
            throws Exception {
        Api.Response kase = api.post("/api/v1/cases", "clerk", """
                {"category":"COMPLAINT","channel":"IN_STORE","subject":"Prasklý displej","description":"Telefon"}""");
        assertThat(kase.status()).as(kase.body()).isEqualTo(201);
        Api.Response received = receive("""
                {"caseNumber":"%s","item":"Telefon X1","defect":"Prasklý displej","remedy":"REPLACEMENT",
                 "notifyBy":"PHONE","contact":"+420 601 123 456"}""".formatted(kase.text("caseNumber")));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String number = received.text("complaintNumber");
        assertThat(received.text("caseNumber")).isEqualTo(kase.text("caseNumber"));

        List<CompletableFuture<Api.Response>> racers = new ArrayList<>();
        for (String body : List.of("{\"outcome\":\"REFUSED\",\"note\":\"Mechanické poškození pádem, nejde o vadu.\"}",
                "{\"outcome\":\"REFUSED\",\"note\":\"Mechanické poškození pádem, nejde o vadu.\"}")) {
            racers.add(CompletableFuture.supplyAsync(() -> settle(number, body)));
        }
        List<Integer> statuses = racers.stream().map(CompletableFuture::join).map(Api.Response::status).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);

        String outcome = pdfText(number, "SETTLED");
        assertThat(outcome).contains("Potvrzení o vyřízení reklamace", "Způsob vyřízení zamítnuta",
                "Odůvodnění zamítnutí Mechanické poškození pádem, nejde o vadu.",
                "Způsob vyrozumění o vyřízení telefonicky (+420 601 123 456)");
        assertThat(api.get("/api/v1/complaints/" + number + "/emails", "clerk").json().size()).isZero();
        assertThat(journal(number)).containsExactly("COMPLAINT_RECEIVED", "COMPLAINT_SETTLED");
        assertThat(api.get("/api/v1/cases/" + kase.text("caseNumber"), "clerk").json().get("history").valueStream()
                .map(e -> e.get("type").asString())).containsExactly("OPENED", "COMPLAINT", "COMPLAINT_SETTLED");
    }

    @Test
    void erasingTheCustomerBlanksTheComplaintsContactAndTheOutcomeIsThenNotEmailed() {
        String email = "petr." + CustomerTestSupport.unique() + "@example.cz";
        String customer = CustomerTestSupport.createCustomer(api, "Petr Dvořák " + CustomerTestSupport.unique(), null,
                email, null);
        Api.Response received = receive("""
                {"customerId":"%s","item":"Vysavač V-9","defect":"Nesaje","remedy":"REPLACEMENT","notifyBy":"EMAIL",
                 "contact":"%s"}""".formatted(customer, email));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String number = received.text("complaintNumber");
        mailTo(email, 1);

        Api.Response erased = api.post("/api/v1/customers/" + customer + "/erase", "manager", "{\"reason\":\"asked\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(get(number).get("contact").isNull()).isTrue();
        assertThat(settle(number, "{\"outcome\":\"REPLACED\"}").status()).isEqualTo(200);
        assertThat(pdfTextUnchecked(number)).contains("Způsob vyřízení uznána – zboží bylo vyměněno")
                .doesNotContain(email);
        JsonNode emails = api.get("/api/v1/complaints/" + number + "/emails", "clerk").json();
        assertThat(emails.size()).isEqualTo(1);
        assertThat(emails.get(0).get("to").asString()).isEqualTo("[erased]");
        assertThat(emails.get(0).get("status").asString()).isEqualTo("SENT");
    }

    /**
     * Training mode (ADR 0005, issue 24): a clerk in training takes a complaint for a real customer and settles it
     * under the real rules, under training numbers; both confirmations read "ŠKOLENÍ - NENÍ ÚČTENKA" (the training
     * caption, in the store's language); the real complaints, cases, journal and outboxes stay as they were, a real
     * complaint is not settled in training, the training one is unknown outside it and goes with the customer.
     */
    @Test
    void aComplaintInTrainingIsTakenAndSettledAsATrainingDocumentWithConfirmationsMarkedTraining() throws Exception {
        String customer = CustomerTestSupport.createCustomer(api, "Eva Cvičná " + CustomerTestSupport.unique(), null,
                null, null);
        Api.Response real = receive("""
                {"item":"Toustovač T-1","defect":"Nepeče","remedy":"REPAIR","notifyBy":"IN_STORE"}""");
        assertThat(real.status()).as(real.body()).isEqualTo(201);
        assertThat(api.put("/api/v1/training/users/clerk2", "manager", "").status()).isEqualTo(200);
        try {
            java.util.function.Supplier<List<Object>> books = () -> List.of(
                    jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single(),
                    jdbc.sql("SELECT COUNT(*) FROM service_case").query(Long.class).single(),
                    jdbc.sql("SELECT COUNT(*) FROM service_case_event").query(Long.class).single(),
                    jdbc.sql("SELECT COUNT(*) FROM journal_entry").query(Long.class).single(),
                    jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE doc_key LIKE 'TRN-%'").query(Long.class).single(),
                    jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE payload LIKE '%TRN-%'").query(Long.class).single(),
                    numbers("/api/v1/complaints?limit=1000"),
                    api.get("/api/v1/complaints/figures", "manager").json());
            List<Object> before = books.get();

            Api.Response wrongRemedy = api.post("/api/v1/complaints", "clerk2", """
                    {"customerId":"%s","item":"Konvice","defect":"Netopí","remedy":"MONEY_BACK","notifyBy":"IN_STORE"}"""
                    .formatted(customer));
            assertThat(wrongRemedy.status()).isEqualTo(400);
            assertThat(wrongRemedy.text("detail")).contains("remedy");
            Api.Response received = api.post("/api/v1/complaints", "clerk2", """
                    {"customerId":"%s","item":"Rychlovarná konvice K-200","defect":"Netopí","remedy":"REPAIR",
                     "notifyBy":"PHONE","contact":"+420 601 123 456"}""".formatted(customer));
            assertThat(received.status()).as(received.body()).isEqualTo(201);
            String number = received.text("complaintNumber");
            assertThat(number).matches("TRN-S001-CMP-\\d{6}");
            assertThat(received.text("caseNumber")).matches("TRN-clerk2-C\\d{6}");
            assertThat(received.text("dueDate")).isEqualTo("2030-05-01");
            assertThat(received.text("clock")).isEqualTo("ON_TIME");
            JsonNode kase = api.get("/api/v1/cases/" + received.text("caseNumber"), "clerk2").json();
            assertThat(kase.get("category").asString()).isEqualTo("COMPLAINT");
            assertThat(kase.get("customerId").asString()).isEqualTo(customer);
            assertThat(kase.get("history").valueStream().map(e -> e.get("type").asString()))
                    .containsExactly("OPENED", "COMPLAINT");
            assertThat(api.get("/api/v1/complaints", "clerk2").json().valueStream()
                    .map(c -> c.get("complaintNumber").asString())).containsExactly(number);

            assertThat(trainingPdf(number, "RECEIVED", 200)).startsWith("ŠKOLENÍ - NENÍ ÚČTENKA")
                    .contains("Potvrzení o uplatnění reklamace", "Číslo reklamace " + number,
                            "Zboží Rychlovarná konvice K-200", "Lhůta pro vyřízení 01.05.2030")
                    .endsWith("ŠKOLENÍ - NENÍ ÚČTENKA");

            Api.Response realSettle = api.post("/api/v1/complaints/" + real.text("complaintNumber") + "/settle",
                    "clerk2", "{\"outcome\":\"REPAIRED\"}");
            assertThat(realSettle.status()).as(realSettle.body()).isEqualTo(422);
            assertThat(realSettle.text("type")).endsWith("/problems/training-not-available");
            Api.Response noReason = api.post("/api/v1/complaints/" + number + "/settle", "clerk2",
                    "{\"outcome\":\"REFUSED\"}");
            assertThat(noReason.status()).isEqualTo(422);
            assertThat(noReason.text("type")).endsWith("/problems/refusal-reason-required");
            Api.Response settled = api.post("/api/v1/complaints/" + number + "/settle", "clerk2",
                    "{\"outcome\":\"REPAIRED\",\"note\":\"Vyměněn termostat.\"}");
            assertThat(settled.status()).as(settled.body()).isEqualTo(200);
            assertThat(settled.text("status")).isEqualTo("SETTLED");
            assertThat(settled.text("clock")).isEqualTo("SETTLED");
            Api.Response again = api.post("/api/v1/complaints/" + number + "/settle", "clerk2",
                    "{\"outcome\":\"REFUNDED\"}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(trainingPdf(number, "SETTLED", 200)).startsWith("ŠKOLENÍ - NENÍ ÚČTENKA")
                    .contains("Potvrzení o vyřízení reklamace", "Číslo reklamace " + number)
                    .endsWith("ŠKOLENÍ - NENÍ ÚČTENKA");
            assertThat(api.get("/api/v1/cases/" + received.text("caseNumber"), "clerk2").json().get("history")
                    .valueStream().map(e -> e.get("type").asString()))
                    .containsExactly("OPENED", "COMPLAINT", "COMPLAINT_SETTLED");

            assertThat(books.get()).isEqualTo(before);

            // outside training the training complaint is unknown; erasing the customer deletes it
            assertThat(api.delete("/api/v1/training/users/clerk2", "manager").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/complaints/" + number, "clerk2").status()).isEqualTo(404);
            trainingPdf(number, "RECEIVED", 404);
            assertThat(api.post("/api/v1/complaints/" + number + "/settle", "clerk2", "{\"outcome\":\"REPAIRED\"}")
                    .status()).isEqualTo(404);
            assertThat(api.post("/api/v1/customers/" + customer + "/erase", "manager", "{\"reason\":\"asked\"}")
                    .status()).isEqualTo(200);
            // the real complaint settled, so the other tests' clock and figures see only their own
            assertThat(settle(real.text("complaintNumber"), "{\"outcome\":\"REPAIRED\"}").status()).isEqualTo(200);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM training_case WHERE customer_id = ?").param(customer)
                    .query(Long.class).single()).isZero();
        } finally {
            api.delete("/api/v1/training/users/clerk2", "manager");
        }
    }

    private String trainingPdf(String number, String document, int status) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + port + "/api/v1/complaints/" + number + "/confirmation?document=" + document))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("clerk2:clerk2".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(status);
        return status == 200 ? text(r.body()).strip() : "";
    }

    private String pdfTextUnchecked(String number) {
        try {
            return pdfText(number, "SETTLED");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Api.Response receive(String body) {
        return api.post("/api/v1/complaints", "clerk", body);
    }

    private Api.Response settle(String number, String body) {
        return api.post("/api/v1/complaints/" + number + "/settle", "clerk", body);
    }

    private JsonNode get(String number) {
        Api.Response r = api.get("/api/v1/complaints/" + number, "clerk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private List<String> numbers(String path) {
        Api.Response r = api.get(path, "clerk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().valueStream().map(c -> c.get("complaintNumber").asString()).toList();
    }

    private List<String> journal(String number) {
        return jdbc.sql("SELECT type FROM journal_entry WHERE reference = ? AND type LIKE 'COMPLAINT%' ORDER BY occurred_at")
                .param(number).query(String.class).list();
    }

    private String pdfText(String number, String document) throws IOException {
        HttpResponse<byte[]> r;
        try {
            r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/complaints/" + number + "/confirmation?document=" + document))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/pdf");
        return text(r.body());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static List<MimeMessage> mailTo(String address, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> received(address).size() >= count);
        return received(address);
    }

    private static List<MimeMessage> received(String address) {
        return List.of(smtp.getReceivedMessages()).stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static String attachedPdfText(MimeMessage message) throws Exception {
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".pdf")) {
                return text(part.getInputStream().readAllBytes());
            }
        }
        throw new AssertionError("no PDF attached to " + message.getSubject());
    }

    private static Path printerFile() {
        try {
            return Files.createTempFile("complaint-printer", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
