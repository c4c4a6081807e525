package io.storedesk.pos.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.storedesk.pos.customer.CustomerTestSupport;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.storedesk.pos.customer.CustomerTestSupport.createCustomer;
import static io.storedesk.pos.customer.CustomerTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Service cases over HTTP: the lifecycle with notes, escalation, follow-ups and resolution with goodwill. */
class ServiceCaseIntegrationTests extends IntegrationTest {

    static final String SCRIPT = "<script>alert(1)</script> & \"quotes\" <b>bold</b>";

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Riga"));

    private String openCase(String customerId, String subject) {
        Api.Response r = api.post("/api/v1/cases", "clerk", """
                {"customerId":%s,"category":"COMPLAINT","channel":"PHONE","subject":"%s",
                 "description":"The kettle stopped working after a week."}"""
                .formatted(CustomerTestSupport.q(customerId), subject));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("caseNumber");
    }

    private Api.Response step(String caseNumber, String step, String user, String body) {
        return api.post("/api/v1/cases/" + caseNumber + "/" + step, user, body);
    }

    private List<String> dueToday() {
        Api.Response r = api.get("/api/v1/cases?followUpDue=today", "clerk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().valueStream().map(c -> c.get("caseNumber").asString()).toList();
    }

    /** A note whose answer was lost is sent again with its key: it stands once (the crash test found it twice). */
    @Test
    void aNoteSentAgainWithItsIdempotencyKeyIsWrittenOnce() {
        String number = openCase(null, "Lost answer " + unique());
        String key = "note-" + unique();
        String text = "Called back " + unique();
        Api.Response first = api.postIdempotent("/api/v1/cases/" + number + "/notes", "clerk", key,
                "{\"text\":\"" + text + "\"}");
        Api.Response again = api.postIdempotent("/api/v1/cases/" + number + "/notes", "clerk", key,
                "{\"text\":\"" + text + "\"}");
        Api.Response other = api.postIdempotent("/api/v1/cases/" + number + "/notes", "clerk", key,
                "{\"text\":\"another text\"}");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("history")).isEqualTo(first.json().get("history"));
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        JsonNode history = api.get("/api/v1/cases/" + number, "clerk").json().get("history");
        assertThat(history.valueStream().filter(h -> text.equals(h.path("text").asString(""))).count()).isOne();
        assertThat(history.valueStream().filter(h -> "another text".equals(h.path("text").asString(""))).count())
                .isZero();
    }

    @Test
    void anEscalationAndAFollowUpSentAgainWithTheirIdempotencyKeysHappenOnce() {
        String number = openCase(null, "Lost escalation " + unique());
        String escalateKey = "esc-" + unique();
        String body = "{\"reason\":\"Customer called three times\"}";
        Api.Response first = api.postIdempotent("/api/v1/cases/" + number + "/escalate", "clerk", escalateKey, body);
        Api.Response again = api.postIdempotent("/api/v1/cases/" + number + "/escalate", "clerk", escalateKey, body);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("history")).isEqualTo(first.json().get("history"));
        Api.Response other = api.postIdempotent("/api/v1/cases/" + number + "/escalate", "clerk", escalateKey,
                "{\"reason\":\"another reason\"}");
        assertThat(other.status()).as(other.body()).isEqualTo(422);

        String followKey = "fu-" + unique();
        String due = "{\"due\":\"" + java.time.LocalDate.now().plusDays(3) + "\"}";
        Api.Response set = api.postIdempotent("/api/v1/cases/" + number + "/follow-up", "clerk", followKey, due);
        Api.Response repeated = api.postIdempotent("/api/v1/cases/" + number + "/follow-up", "clerk", followKey, due);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(repeated.json().get("history")).isEqualTo(set.json().get("history"));
        JsonNode history = api.get("/api/v1/cases/" + number, "clerk").json().get("history");
        assertThat(history.size()).as(history.toString()).isEqualTo(set.json().get("history").size());
    }

    @Test
    void aComplaintGoesFromOpenThroughEscalationToResolvedAndClosedWithEveryStepInItsHistory() {
        String customer = createCustomer(api, "Līga Liepa " + unique(), null, null, null);
        Api.Response opened = api.post("/api/v1/cases", "clerk", """
                {"customerId":"%s","category":"COMPLAINT","channel":"IN_STORE","subject":"Broken kettle",
                 "description":"Stopped after a week"}""".formatted(customer));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String number = opened.text("caseNumber");
        assertThat(number).matches("S001-CASE-\\d{6}");
        assertThat(opened.text("status")).isEqualTo("OPEN");
        assertThat(opened.text("customerId")).isEqualTo(customer);
        assertThat(opened.json().get("responseTime").isNull()).isTrue();

        Api.Response noted = step(number, "notes", "clerk", "{\"text\":\"Called the customer back\"}");
        assertThat(noted.status()).as(noted.body()).isEqualTo(201);
        assertThat(noted.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(noted.text("responseTime")).startsWith("PT");

        Api.Response escalated = step(number, "escalate", "clerk",
                "{\"reason\":\"Customer wants a refund beyond policy\",\"manager\":\"manager\"}");
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        assertThat(escalated.text("status")).isEqualTo("ESCALATED");
        assertThat(escalated.text("escalatedTo")).isEqualTo("manager");
        assertThat(step(number, "escalate", "clerk", "{\"reason\":\"again\"}").text("type"))
                .endsWith("/problems/invalid-case-transition");

        Api.Response followUp = step(number, "follow-up", "manager", "{\"due\":\"%s\",\"note\":\"Call back\"}".formatted(today));
        assertThat(followUp.status()).as(followUp.body()).isEqualTo(200);
        assertThat(followUp.text("followUpDue")).isEqualTo(today.toString());
        assertThat(dueToday()).contains(number);

        Api.Response clerkResolves = step(number, "resolve", "clerk", "{\"resolution\":\"Refunded\"}");
        assertThat(clerkResolves.status()).as(clerkResolves.body()).isEqualTo(422);
        assertThat(clerkResolves.text("type")).endsWith("/problems/approval-required");
        assertThat(api.get("/api/v1/cases/" + number, "clerk").text("status")).isEqualTo("ESCALATED");

        Api.Response resolved = step(number, "resolve", "manager",
                "{\"resolution\":\"New kettle given\",\"goodwill\":{\"type\":\"COUPON\",\"amount\":\"5.00\"}}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.text("status")).isEqualTo("RESOLVED");
        assertThat(resolved.text("resolvedBy")).isEqualTo("manager");
        assertThat(resolved.text("resolutionTime")).startsWith("PT");
        assertThat(resolved.json().get("goodwill").get("type").asString()).isEqualTo("COUPON");
        assertThat(resolved.json().get("goodwill").get("amount").asString()).isEqualTo("5.00");
        assertThat(resolved.json().get("goodwill").get("code").asString()).matches("GW-[A-Z0-9]{10}");
        assertThat(dueToday()).doesNotContain(number);

        assertThat(step(number, "close", "clerk", "{}").text("status")).isEqualTo("CLOSED");
        Api.Response late = step(number, "notes", "clerk", "{\"text\":\"too late\"}");
        assertThat(late.status()).isEqualTo(409);

        JsonNode history = api.get("/api/v1/cases/" + number, "clerk").json().get("history");
        assertThat(history.valueStream().map(e -> e.get("type").asString()))
                .containsExactly("OPENED", "NOTE", "ESCALATED", "FOLLOW_UP", "RESOLVED", "GOODWILL", "CLOSED");
        assertThat(history.valueStream().map(e -> e.get("user").asString()))
                .containsExactly("clerk", "clerk", "clerk", "manager", "manager", "manager", "clerk");
        assertThat(history.valueStream().map(e -> e.get("at").asString())).allMatch(at -> !at.isBlank());
        assertThat(history.get(1).get("text").asString()).isEqualTo("Called the customer back");
        assertThat(history.get(2).get("text").asString()).isEqualTo("Customer wants a refund beyond policy");
        assertThat(history.get(2).get("statusTo").asString()).isEqualTo("ESCALATED");
        assertThat(api.get("/api/v1/customers/" + customer + "/cases", "clerk").json().get(0).get("caseNumber")
                .asString()).isEqualTo(number);
        assertThat(jdbc.sql("SELECT type FROM journal_entry WHERE reference = ? ORDER BY seq").param(number)
                .query(String.class).list()).containsExactly("CASE_OPENED", "CASE_NOTE", "CASE_ESCALATED",
                        "CASE_FOLLOW_UP", "CASE_RESOLVED", "CASE_CLOSED");
    }

    @Test
    void noteTextWithHtmlIsStoredAndReturnedExactlyAsTypedAsJson() {
        String number = openCase(null, "HTML note " + unique());

        Api.Response noted = step(number, "notes", "clerk", "{\"text\":\"" + SCRIPT.replace("\"", "\\\"") + "\"}");

        assertThat(noted.status()).as(noted.body()).isEqualTo(201);
        Api.Response read = api.get("/api/v1/cases/" + number, "clerk");
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.json().get("history").get(1).get("text").asString()).isEqualTo(SCRIPT);
        assertThat(jdbc.sql("SELECT text FROM service_case_event WHERE type = 'NOTE' AND case_id = "
                + "(SELECT id FROM service_case WHERE case_number = ?)").param(number).query(String.class).single())
                .isEqualTo(SCRIPT);
    }

    @Test
    void goodwillAboveTheLimitNeedsAnotherManagersApproval() {
        String number = openCase(null, "Late delivery " + unique());

        Api.Response refused = step(number, "resolve", "clerk",
                "{\"resolution\":\"Sorry\",\"goodwill\":{\"type\":\"COUPON\",\"amount\":\"25.00\"}}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/problems/approval-required");
        assertThat(api.get("/api/v1/cases/" + number, "clerk").text("status")).isEqualTo("OPEN");

        Api.Response self = step(number, "resolve", "manager", """
                {"resolution":"Sorry","goodwill":{"type":"COUPON","amount":"25.00"},
                 "approval":{"manager":"manager","pin":"1234"}}""");
        assertThat(self.text("type")).endsWith("/problems/self-approval");

        Api.Response approved = step(number, "resolve", "clerk", """
                {"resolution":"Sorry","goodwill":{"type":"COUPON","amount":"25.00"},
                 "approval":{"manager":"manager","pin":"1234"}}""");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("goodwill").get("approvedBy").asString()).isEqualTo("manager");
        assertThat(approved.json().get("goodwill").get("amount").asString()).isEqualTo("25.00");
    }

    @Test
    void onlyTodaysAndOverdueFollowUpsOfActiveCasesAreDue() {
        String dueToday = openCase(null, "Due today " + unique());
        String dueTomorrow = openCase(null, "Due tomorrow " + unique());
        step(dueToday, "follow-up", "clerk", "{\"due\":\"%s\"}".formatted(today));
        step(dueTomorrow, "follow-up", "clerk", "{\"due\":\"%s\"}".formatted(today.plusDays(1)));

        assertThat(dueToday()).contains(dueToday).doesNotContain(dueTomorrow);
        assertThat(api.get("/api/v1/cases?followUpDue=" + today.plusDays(1), "clerk").json().valueStream()
                .map(c -> c.get("caseNumber").asString())).contains(dueToday, dueTomorrow);
        Api.Response past = step(dueTomorrow, "follow-up", "clerk", "{\"due\":\"%s\"}".formatted(today.minusDays(1)));
        assertThat(past.text("type")).endsWith("/problems/follow-up-in-past");
        assertThat(api.get("/api/v1/cases?status=OPEN", "clerk").json().valueStream()
                .map(c -> c.get("caseNumber").asString())).contains(dueToday, dueTomorrow);
    }

    @Test
    void responseAndResolutionFiguresCountTodaysCases() {
        String number = openCase(null, "Figures " + unique());
        step(number, "notes", "clerk", "{\"text\":\"looking\"}");
        step(number, "resolve", "clerk", "{\"resolution\":\"answered\"}");

        Api.Response r = api.get("/api/v1/cases/figures?from=%s&to=%s".formatted(today, today), "manager");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("opened").asLong()).isPositive();
        assertThat(r.json().get("responseTime").get("count").asLong()).isPositive();
        assertThat(r.json().get("responseTime").get("average").asString()).startsWith("PT");
        assertThat(r.json().get("resolutionTime").get("median").asString()).startsWith("PT");
    }

    @Test
    void aCaseNamesAnExistingCustomerAndReceiptOrIsRefused() {
        long before = count("service_case");

        Api.Response unknownCustomer = api.post("/api/v1/cases", "clerk", """
                {"customerId":"00000000-0000-0000-0000-000000000001","category":"QUESTION","channel":"EMAIL","subject":"x"}""");
        Api.Response unknownReceipt = api.post("/api/v1/cases", "clerk", """
                {"receiptNumber":"S001-R01-20000101-999999","category":"QUESTION","channel":"CHAT","subject":"x"}""");
        Api.Response badChannel = api.post("/api/v1/cases", "clerk", """
                {"category":"QUESTION","channel":"PIGEON","subject":"x"}""");

        assertThat(unknownCustomer.text("type")).endsWith("/problems/unknown-customer");
        assertThat(unknownReceipt.text("type")).endsWith("/problems/unknown-receipt");
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(count("service_case")).isEqualTo(before);
        assertThat(api.get("/api/v1/cases/S001-CASE-999999", "clerk").status()).isEqualTo(404);
    }
}
