package io.storedesk.pos.customer;

import java.util.List;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.storedesk.pos.customer.CustomerTestSupport.createCustomer;
import static io.storedesk.pos.customer.CustomerTestSupport.phone;
import static io.storedesk.pos.customer.CustomerTestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Customers over HTTP: records with consents, accent-insensitive search, duplicate detection, access. */
class CustomerIntegrationTests extends IntegrationTest {

    private List<String> ids(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().valueStream().map(c -> c.get("id").asString()).toList();
    }

    @Test
    void aNewCustomerIsFoundByNameIgnoringAccentsAndByPhoneEmailOrCard() {
        String u = unique();
        String phone = phone();
        Api.Response r = api.post("/api/v1/customers", "clerk", """
                {"name":"Jānis Bērziņš %s","phone":"%s","email":"Janis.%s@Example.lv","loyaltyCard":"LC-%s",
                 "preferredLanguage":"lv","emailReceipts":true,"marketing":false}""".formatted(u, phone, u, u));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode c = r.json();
        String id = c.get("id").asString();
        assertThat(c.get("name").asString()).isEqualTo("Jānis Bērziņš " + u);
        assertThat(c.get("phone").asString()).isEqualTo(phone);
        assertThat(c.get("loyaltyCard").asString()).isEqualTo("LC-" + u);
        assertThat(c.get("preferredLanguage").asString()).isEqualTo("lv");
        assertThat(c.get("emailReceipts").get("granted").asBoolean()).isTrue();
        assertThat(c.get("emailReceipts").get("recordedAt").asString()).isNotBlank();
        assertThat(c.get("marketing").get("granted").asBoolean()).isFalse();
        assertThat(c.get("marketing").get("recordedAt").asString()).isNotBlank();
        assertThat(c.has("loyaltyBalance")).isTrue();
        assertThat(c.get("erased").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/customers/" + id, "clerk").json().get("name").asString()).isEqualTo("Jānis Bērziņš " + u);

        assertThat(ids(api.get("/api/v1/customers?q=janis%20BERZINS%20" + u, "clerk"))).containsExactly(id);
        assertThat(ids(api.get("/api/v1/customers?q=berz%20" + u, "clerk"))).containsExactly(id);
        String digits = phone.replaceAll("[^0-9]", "");
        assertThat(ids(api.get("/api/v1/customers?q=" + digits.substring(3), "clerk"))).contains(id);
        assertThat(ids(api.get("/api/v1/customers?q=%2B" + digits, "clerk"))).contains(id);
        assertThat(ids(api.get("/api/v1/customers?q=JANIS." + u + "@EXAMPLE.LV", "clerk"))).containsExactly(id);
        assertThat(ids(api.get("/api/v1/customers?q=LC-" + u, "clerk"))).containsExactly(id);
        assertThat(ids(api.get("/api/v1/customers?q=nobody%20" + u, "clerk"))).isEmpty();
    }

    @Test
    void aPhoneOrEmailAnotherCustomerHasIsAPossibleDuplicateUntilConfirmed() {
        String u = unique();
        String phone = phone();
        String first = createCustomer(api, "Anna Kalniņa " + u, phone, "anna." + u + "@example.lv", "LD-" + u);

        Api.Response samePhone = api.post("/api/v1/customers", "clerk", """
                {"name":"A. Kalnina %s","phone":"%s"}""".formatted(u, phone.replace(" ", "")));
        assertThat(samePhone.status()).as(samePhone.body()).isEqualTo(409);
        assertThat(samePhone.text("type")).endsWith("/problems/possible-duplicate");
        assertThat(samePhone.json().get("duplicates").get(0).get("id").asString()).isEqualTo(first);
        assertThat(samePhone.json().get("duplicates").get(0).get("matchedOn").asString()).isEqualTo("phone");

        Api.Response sameEmail = api.post("/api/v1/customers", "clerk", """
                {"name":"Anna K %s","email":"ANNA.%s@example.LV"}""".formatted(u, u));
        assertThat(sameEmail.status()).as(sameEmail.body()).isEqualTo(409);
        assertThat(sameEmail.json().get("duplicates").get(0).get("matchedOn").asString()).isEqualTo("email");
        assertThat(ids(api.get("/api/v1/customers?q=" + u, "clerk"))).containsExactly(first);

        Api.Response confirmed = api.post("/api/v1/customers", "clerk", """
                {"name":"Pēteris Kalniņš %s","phone":"%s","allowDuplicate":true}""".formatted(u, phone));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);

        Api.Response sameCard = api.post("/api/v1/customers", "clerk", """
                {"name":"Other %s","loyaltyCard":"LD-%s","allowDuplicate":true}""".formatted(u, u));
        assertThat(sameCard.status()).as(sameCard.body()).isEqualTo(409);
        assertThat(sameCard.text("type")).endsWith("/problems/loyalty-card-taken");
    }

    @Test
    void consentChangesAreRecordedWithTheirTimeAndDetailsCanChange() {
        String u = unique();
        String id = createCustomer(api, "Ilze Ozola " + u, null, null, null);

        Api.Response r = CustomerTestSupport.patch(port, "/api/v1/customers/" + id, "clerk", """
                {"marketing":true,"email":"ilze.%s@example.lv","preferredLanguage":"en-GB"}""".formatted(u));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("marketing").get("granted").asBoolean()).isTrue();
        assertThat(r.json().get("marketing").get("recordedAt").asString()).isNotBlank();
        assertThat(r.json().get("email").asString()).isEqualTo("ilze." + u + "@example.lv");
        assertThat(r.json().get("preferredLanguage").asString()).isEqualTo("en-GB");
        assertThat(r.json().get("name").asString()).isEqualTo("Ilze Ozola " + u);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_consent WHERE customer_id = CAST(? AS UUID)")
                .param(id).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT type FROM journal_entry WHERE reference = ? ORDER BY seq").param(id)
                .query(String.class).list()).containsExactly("CUSTOMER_CREATED", "CUSTOMER_UPDATED");
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndStoresNothing() {
        long before = count("customer");

        Api.Response r = api.post("/api/v1/customers", "clerk", """
                {"name":" ","email":"not-an-email","phone":"call me"}""");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.text("type")).endsWith("/problems/validation-failed");
        assertThat(r.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("name", "email", "phone");
        assertThat(count("customer")).isEqualTo(before);
        assertThat(api.get("/api/v1/customers/00000000-0000-0000-0000-000000000000", "clerk").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/not-a-uuid", "clerk").status()).isEqualTo(404);
    }

    @Test
    void headOfficeReadsNothingPersonal() {
        String id = createCustomer(api, "Office Test " + unique(), null, null, null);

        assertThat(api.get("/api/v1/customers?q=office", "office").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/customers/" + id, "office").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/cases", "office").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/sales?customerId=" + id, "office").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/customers", "office", "{\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/cases/figures", "office").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/customers/" + id, null).status()).isEqualTo(401);
    }
}
