package io.storedesk.pos.headoffice;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.storedesk.pos.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counterpart of {@link StoreRoleHasNoHeadOfficeIntegrationTests}: in the head-office role the
 * store's API and pages are not served (404 {@code not-served-in-head-office}, signed in or not), no
 * store-only job is scheduled or even exists, while the head-office API, sign-in, health and the
 * head-office page keep working. Same context as {@link HeadOfficeOnH2IntegrationTests} (H2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pos.data-dir=target/test-data/ho-h2-${random.uuid}")
@ActiveProfiles("head-office")
class HeadOfficeRoleHasNoStoreIntegrationTests {

    static final String NOT_SERVED = "https://storedesk.io/problems/not-served-in-head-office";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void theStoresApiAndPagesAreNotServed() {
        Api api = new Api(port);
        List<Api.Response> refused = List.of(
                api.post("/api/v1/sales", "clerk", """
                        {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"2.00"}]}"""),
                api.post("/api/v1/sales", null, "{}"),
                api.post("/api/v1/drawers/D1/open", "clerk", "{\"float\":{\"20.00\":2}}"),
                api.get("/api/v1/drawers/D1", "manager"),
                api.post("/api/v1/returns", "clerk", "{}"),
                api.get("/api/v1/customers?query=a", "clerk"),
                api.get("/api/v1/reports/daily?date=2026-11-24", "office"),
                api.get("/api/v1/loyalty/2900000000017", "office"),
                api.get("/api/v1/promotions", "office"),
                api.get("/api/v1/sync/status", "admin"),
                api.get("/api/v1/payments/status", "admin"),
                api.get("/sale", "clerk"),
                api.get("/drawer", "clerk"),
                api.get("/customers", "clerk"),
                api.get("/office", "office"),
                api.get("/office/promotions", "office"));
        for (Api.Response r : refused) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.text("type")).isEqualTo(NOT_SERVED);
        }
    }

    @Test
    void headOfficeApiSignInHealthAndItsPageKeepWorking() {
        Api api = new Api(port);
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/login", null).status()).isEqualTo(200);
        Api.Response home = api.get("/", "office");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.headers().get("location")).endsWith("/office/stores");
        Api.Response page = api.get("/office/stores?date=2026-11-24", "office");
        assertThat(page.status()).isEqualTo(200);
        // the menu offers no store page (they would all be 404 here)
        assertThat(page.body()).contains("href=\"/office/stores\"").doesNotContain("href=\"/sale\"")
                .doesNotContain("href=\"/office\"").doesNotContain("href=\"/drawer\"").doesNotContain("href=\"/day\"");
        assertThat(api.get("/api/ho/v1/reports/daily?date=2026-11-24", "office").status()).isEqualTo(200);
        assertThat(api.get("/api/ho/v1/loyalty/accounts/2900000000017", "office").status()).isEqualTo(200);
        assertThat(api.get("/api/ho/v1/stores/S001/keys", "admin").status()).isEqualTo(200);
        // a store signs in with its key; a store key opens nothing else
        Map<String, String> s001 = Map.of("X-Store-Id", "S001", "X-Store-Key", "demo-key-S001");
        assertThat(api.get("/api/ho/v1/promotions?since=0", null, s001).status()).isEqualTo(200);
        assertThat(api.get("/api/ho/v1/promotions?since=0", null,
                Map.of("X-Store-Id", "S001", "X-Store-Key", "wrong")).status()).isEqualTo(401);
        assertThat(api.post("/api/ho/v1/stores/S001/events", null, "{\"events\":[]}", s001).status()).isNotEqualTo(404);
    }

    @Test
    void noStoreOnlyJobIsScheduledOrEvenExists() {
        assertThat(List.of("jposLink", "acquirerSimulator", "reversalRetrier", "reversalSender", "linkMonitor",
                "stanSequence", "receiptMailSender", "orderArrivalMailer", "drawerKicks", "pointsExpiry",
                "complaintEscalation")).noneMatch(context::containsBean);
        Set<String> scheduled = new HashSet<>();
        for (ScheduledTaskHolder holder : context.getBeansOfType(ScheduledTaskHolder.class).values()) {
            holder.getScheduledTasks().forEach(t -> scheduled.add(t.getTask().getRunnable().toString()));
        }
        // head office's own jobs, and Spring Modulith's clock ticks (Moments), which nothing here listens to
        assertThat(scheduled).contains("io.storedesk.pos.headoffice.internal.TableStatistics.analyseWhenGrown")
                .allMatch(name -> name.startsWith("io.storedesk.pos.headoffice.")
                        || name.startsWith("org.springframework.modulith.moments."), "a head-office job");
    }
}
