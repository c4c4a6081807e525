package io.storedesk.pos.customer;

import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static io.storedesk.pos.customer.CustomerTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** GDPR: a manager exports everything about a customer as JSON, and erases a customer on request. */
class CustomerPrivacyIntegrationTests extends IntegrationTest {

    @Autowired
    LoyaltyAccounts loyalty;

    @BeforeEach
    void openDrawer() {
        ensureOpen("D3");
    }

    private record Fixture(String customer, String name, String email, String card, String receipt, String caseNumber) {
    }

    private Fixture customerWithASaleAndACase() {
        String u = unique();
        String name = "Kārlis Gdpr " + u;
        String email = "karlis." + u + "@example.lv";
        String card = CustomerTestSupport.loyaltyCard(loyalty, 0);
        String customer = CustomerTestSupport.createCustomer(api, name, CustomerTestSupport.phone(), email, card);
        Api.Response sale = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","loyaltyCard":"%s","lines":[{"sku":"LV-1007","quantity":1}],
                 "tenders":[{"type":"CASH","amount":"5.00"}]}""".formatted(card));
        assertThat(sale.status()).as(sale.body()).isEqualTo(201);
        Api.Response opened = api.post("/api/v1/cases", "clerk", """
                {"customerId":"%s","receiptNumber":"%s","category":"QUESTION","channel":"CHAT",
                 "subject":"Cheese for %s","description":"Lives at Brīvības iela 1"}"""
                .formatted(customer, sale.text("receiptNumber"), name));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String number = opened.text("caseNumber");
        api.post("/api/v1/cases/" + number + "/notes", "clerk", "{\"text\":\"Phoned " + name + "\"}");
        api.post("/api/v1/cases/" + number + "/resolve", "clerk",
                "{\"resolution\":\"Answered\",\"goodwill\":{\"type\":\"COUPON\",\"amount\":\"3.00\"}}");
        return new Fixture(customer, name, email, card, sale.text("receiptNumber"), number);
    }

    @Test
    void aManagerExportsEverythingHeldAboutACustomerAsJson() {
        Fixture f = customerWithASaleAndACase();

        assertThat(api.get("/api/v1/customers/" + f.customer() + "/export", "clerk").status()).isEqualTo(403);
        Api.Response r = api.get("/api/v1/customers/" + f.customer() + "/export", "manager");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.headers().get("content-disposition")).contains("attachment", "customer-" + f.customer() + ".json");
        JsonNode export = r.json();
        assertThat(export.get("exportedBy").asString()).isEqualTo("manager");
        assertThat(export.get("customer").get("name").asString()).isEqualTo(f.name());
        assertThat(export.get("customer").get("email").asString()).isEqualTo(f.email());
        assertThat(export.get("consents").get(0).get("kind").asString()).isEqualTo("EMAIL_RECEIPTS");
        assertThat(export.get("consents").get(0).get("recordedBy").asString()).isEqualTo("clerk");
        assertThat(export.get("purchases").get(0).get("receiptNumber").asString()).isEqualTo(f.receipt());
        JsonNode theCase = export.get("cases").get(0);
        assertThat(theCase.get("caseNumber").asString()).isEqualTo(f.caseNumber());
        assertThat(theCase.get("history").get(1).get("text").asString()).isEqualTo("Phoned " + f.name());
    }

    @Test
    void erasingACustomerAnonymisesThePersonAndKeepsTheFinancialRecords() {
        Fixture f = customerWithASaleAndACase();
        String saleBefore = api.get("/api/v1/sales/" + f.receipt(), "clerk").body();

        assertThat(api.post("/api/v1/customers/" + f.customer() + "/erase", "clerk", "{\"reason\":\"x\"}").status())
                .isEqualTo(403);
        Api.Response r = api.post("/api/v1/customers/" + f.customer() + "/erase", "manager",
                "{\"reason\":\"Request by e-mail, ticket 4711\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.get("erased").asBoolean()).isTrue();
        assertThat(c.get("name").asString()).isEqualTo("ERASED");
        assertThat(c.get("phone").isNull()).isTrue();
        assertThat(c.get("email").isNull()).isTrue();
        assertThat(c.get("loyaltyCard").isNull()).isTrue();
        assertThat(c.get("marketing").get("granted").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/customers?q=" + f.name().replace(" ", "%20"), "clerk").json().size()).isZero();
        assertThat(api.get("/api/v1/customers?q=" + f.email(), "clerk").json().size()).isZero();
        assertThat(api.get("/api/v1/customers/" + f.customer() + "/purchases", "clerk").json().size()).isZero();

        assertThat(api.get("/api/v1/sales/" + f.receipt(), "clerk").body()).isEqualTo(saleBefore);
        JsonNode theCase = api.get("/api/v1/cases/" + f.caseNumber(), "clerk").json();
        assertThat(theCase.get("customerId").asString()).isEqualTo(f.customer());
        assertThat(theCase.get("receiptNumber").asString()).isEqualTo(f.receipt());
        assertThat(theCase.get("subject").asString()).isEqualTo("[erased]");
        assertThat(theCase.get("description").isNull()).isTrue();
        assertThat(theCase.get("goodwill").get("amount").asString()).isEqualTo("3.00");
        assertThat(theCase.get("history").valueStream().map(e -> e.get("text").asString()))
                .allMatch(t -> t == null || t.equals("[erased]") || t.startsWith("COUPON 3.00"));
        assertThat(theCase.toString()).doesNotContain(f.name(), "Brīvības");

        String all = String.join("\n", jdbc.sql("SELECT payload FROM journal_entry").query(String.class).list());
        assertThat(all).doesNotContain(f.name(), f.email());
        assertThat(jdbc.sql("SELECT type FROM journal_entry WHERE reference = ? ORDER BY seq").param(f.customer())
                .query(String.class).list()).contains("CUSTOMER_ERASED");
        assertThat(api.post("/api/v1/customers/" + f.customer() + "/erase", "manager", "{\"reason\":\"again\"}")
                .text("type")).endsWith("/problems/customer-erased");
        assertThat(CustomerTestSupport.patch(port, "/api/v1/customers/" + f.customer(), "clerk", "{\"name\":\"Back\"}")
                .status()).isEqualTo(409);
    }

    @Test
    void anErasureRepeatedWithItsKeyReplaysAndNoKeptAnswerGivesThePersonBack() {
        String u = unique();
        String name = "Zane Keyed " + u;
        String created = "create-" + u;
        String body = """
                {"name":"%s","phone":null,"email":"zane.%s@example.lv","preferredLanguage":"lv"}""".formatted(name, u);
        Api.Response customer = api.postIdempotent("/api/v1/customers", "clerk", created, body);
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        String id = customer.text("id");
        Api.Response opened = api.postIdempotent("/api/v1/cases", "clerk", "case-" + u, """
                {"customerId":"%s","category":"QUESTION","channel":"PHONE","subject":"Call %s back"}"""
                .formatted(id, name));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);

        String erase = "erase-" + u;
        Api.Response first = api.postIdempotent("/api/v1/customers/" + id + "/erase", "manager", erase,
                "{\"reason\":\"asked at the desk\"}");
        Api.Response again = api.postIdempotent("/api/v1/customers/" + id + "/erase", "manager", erase,
                "{\"reason\":\"asked at the desk\"}");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'CUSTOMER_ERASED' AND reference = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
        // a repeat of the creation or of the case is refused, not answered with the person nor run again
        Api.Response recreated = api.postIdempotent("/api/v1/customers", "clerk", created, body);
        assertThat(recreated.status()).as(recreated.body()).isEqualTo(409);
        assertThat(recreated.text("type")).endsWith("/problems/customer-erased");
        assertThat(recreated.body()).doesNotContain(name);
        assertThat(api.postIdempotent("/api/v1/cases", "clerk", "case-" + u, """
                {"customerId":"%s","category":"QUESTION","channel":"PHONE","subject":"Call %s back"}"""
                .formatted(id, name)).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/customers?q=" + name.replace(" ", "%20"), "clerk").json().size()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_record WHERE response_body LIKE ?").param("%" + u + "%")
                .query(Long.class).single()).isZero();
    }
}
