package io.storedesk.pos.training;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.customer.CustomerTestSupport;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service cases in training over HTTP (ADR 0005, issue 24): a user in training opens a case for a real customer,
 * notes, escalates, sets a follow-up and resolves it with goodwill under the real rules (approval), under a training
 * number, while the real case list, the customer's cases, the GDPR export, the daily report's service case section,
 * the journal and the mail and sync outboxes stay as they were; a real case cannot be changed in training, a
 * training case is unknown outside it, and erasing the customer deletes their training cases.
 */
class TrainingCaseIntegrationTests extends IntegrationTest {

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Riga"));

    @AfterEach
    void leaveTraining() {
        api.delete("/api/v1/training/users/clerk2", "manager");
    }

    /** What a training case must not change, read over HTTP (and the outboxes' and real tables' sizes). */
    private Map<String, Object> books(String customer) {
        Map<String, Object> books = new LinkedHashMap<>();
        // the export itself is journaled (CUSTOMER_EXPORTED): everything else on the chains counts
        books.put("journal entries", jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type <> 'CUSTOMER_EXPORTED'")
                .query(Long.class).single());
        books.put("real cases", api.get("/api/v1/cases?limit=1000", "clerk").json());
        books.put("cases of the customer", api.get("/api/v1/customers/" + customer + "/cases", "clerk").json());
        books.put("export", api.get("/api/v1/customers/" + customer + "/export", "manager").json().get("cases"));
        books.put("report", api.get("/api/v1/reports/daily?date=" + today, "manager").json().get("sections")
                .get("serviceCases"));
        books.put("case figures", api.get("/api/v1/cases/figures", "manager").json());
        books.put("mail outbox rows", jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single());
        books.put("sync outbox rows", jdbc.sql("SELECT COUNT(*) FROM sync_outbox").query(Long.class).single());
        books.put("real case rows", jdbc.sql("SELECT COUNT(*) FROM service_case").query(Long.class).single());
        books.put("real case events", jdbc.sql("SELECT COUNT(*) FROM service_case_event").query(Long.class).single());
        return books;
    }

    private Api.Response step(String number, String step, String body) {
        return api.post("/api/v1/cases/" + number + "/" + step, "clerk2", body);
    }

    @Test
    void aCaseInTrainingGoesToItsOutcomeUnderTheRealRulesWithoutReachingTheStoresRecords() {
        String customer = CustomerTestSupport.createCustomer(api, "Jana Cvičná " + CustomerTestSupport.unique(),
                null, null, null);
        Api.Response real = api.post("/api/v1/cases", "clerk", """
                {"customerId":"%s","category":"QUESTION","channel":"PHONE","subject":"Opening hours"}""".formatted(customer));
        assertThat(real.status()).as(real.body()).isEqualTo(201);
        assertThat(api.put("/api/v1/training/users/clerk2", "manager", "").status()).isEqualTo(200);
        Map<String, Object> before = books(customer);

        // opened under a training number, with the customer found by look-up; a repeat of the key is one case
        String key = UUID.randomUUID().toString();
        String body = """
                {"customerId":"%s","category":"COMPLAINT","channel":"IN_STORE","subject":"Broken kettle",
                 "description":"Stopped after a week"}""".formatted(customer);
        Api.Response opened = api.postIdempotent("/api/v1/cases", "clerk2", key, body);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String number = opened.text("caseNumber");
        assertThat(number).matches("TRN-clerk2-C\\d{6}");
        assertThat(opened.json().get("training").asBoolean()).isTrue();
        assertThat(opened.text("status")).isEqualTo("OPEN");
        assertThat(opened.text("customerId")).isEqualTo(customer);
        Api.Response again = api.postIdempotent("/api/v1/cases", "clerk2", key, body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("caseNumber")).isEqualTo(number);

        // the real checks, in training too
        Api.Response unknown = api.post("/api/v1/cases", "clerk2", body.replace(customer, UUID.randomUUID().toString()));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.text("type")).endsWith("/problems/unknown-customer");
        Api.Response blank = api.post("/api/v1/cases", "clerk2", body.replace("Broken kettle", ""));
        assertThat(blank.status()).as(blank.body()).isEqualTo(400);

        // the steps, as for a real case
        Api.Response noted = step(number, "notes", "{\"text\":\"Called the customer back\"}");
        assertThat(noted.status()).as(noted.body()).isEqualTo(201);
        assertThat(noted.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(noted.text("responseTime")).startsWith("PT");
        Api.Response escalated = step(number, "escalate", "{\"reason\":\"Wants a refund\",\"manager\":\"manager\"}");
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        assertThat(escalated.text("status")).isEqualTo("ESCALATED");
        assertThat(step(number, "escalate", "{\"reason\":\"again\"}").text("type"))
                .endsWith("/problems/invalid-case-transition");
        assertThat(step(number, "follow-up", "{\"due\":\"%s\"}".formatted(today.minusDays(1))).text("type"))
                .endsWith("/problems/follow-up-in-past");
        Api.Response followUp = step(number, "follow-up", "{\"due\":\"%s\",\"note\":\"Call back\"}".formatted(today));
        assertThat(followUp.status()).as(followUp.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases?followUpDue=today", "clerk2").json().valueStream()
                .map(c -> c.get("caseNumber").asString())).containsExactly(number);

        Api.Response unapproved = step(number, "resolve", "{\"resolution\":\"Refunded\"}");
        assertThat(unapproved.status()).as(unapproved.body()).isEqualTo(422);
        assertThat(unapproved.text("type")).endsWith("/problems/approval-required");
        assertThat(api.get("/api/v1/cases/" + number, "clerk2").text("status")).isEqualTo("ESCALATED");
        Api.Response resolved = step(number, "resolve", """
                {"resolution":"New kettle given","goodwill":{"type":"STORE_CREDIT","amount":"5.00"},
                 "approval":{"manager":"manager","pin":"1234"}}""");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.text("status")).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("goodwill").get("amount").asString()).isEqualTo("5.00");
        assertThat(resolved.json().get("goodwill").get("approvedBy").asString()).isEqualTo("manager");
        assertThat(resolved.json().get("goodwill").get("code").isNull()).isTrue(); // no store credit exists for it
        assertThat(step(number, "close", "{}").text("status")).isEqualTo("CLOSED");
        assertThat(step(number, "notes", "{\"text\":\"too late\"}").status()).isEqualTo(409);

        JsonNode read = api.get("/api/v1/cases/" + number, "clerk2").json();
        assertThat(read.get("history").valueStream().map(e -> e.get("type").asString()))
                .containsExactly("OPENED", "NOTE", "ESCALATED", "FOLLOW_UP", "RESOLVED", "GOODWILL", "CLOSED");
        assertThat(api.get("/api/v1/cases", "clerk2").json().valueStream().map(c -> c.get("caseNumber").asString()))
                .containsExactly(number);

        // a real case is read in training but not changed
        String realNumber = real.text("caseNumber");
        assertThat(api.get("/api/v1/cases/" + realNumber, "clerk2").status()).isEqualTo(200);
        Api.Response refused = step(realNumber, "notes", "{\"text\":\"practice\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.text("type")).endsWith("/problems/training-not-available");

        assertThat(books(customer)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_case WHERE customer_id = ?").param(customer)
                .query(Long.class).single()).isEqualTo(1);

        // outside training a training case is unknown
        assertThat(api.delete("/api/v1/training/users/clerk2", "manager").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases/" + number, "clerk2").status()).isEqualTo(404);
        assertThat(step(number, "notes", "{\"text\":\"after\"}").status()).isEqualTo(404);

        // the customer erased: their training cases go with their data
        Api.Response erased = api.post("/api/v1/customers/" + customer + "/erase", "manager", "{\"reason\":\"asked\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_case WHERE customer_id = ?").param(customer)
                .query(Long.class).single()).isZero();
    }
}
