package io.storedesk.pos.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import io.storedesk.pos.support.Race;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Goodwill cannot be split under the approval limit (20.00 in the demo): the limit also holds for
 * all the goodwill one customer got over pos.customer.goodwill-window (issue 22, finding 9), also
 * when the cases are resolved at the same moment.
 */
class GoodwillLimitPerCustomerIntegrationTests extends IntegrationTest {

    private static final String APPROVAL = ",\"approval\":{\"manager\":\"manager\",\"pin\":\"1234\"}";

    private String newCustomer() {
        Api.Response r = api.post("/api/v1/customers", "clerk", "{\"name\":\"Kārlis Goodwill %d\"}"
                .formatted(System.nanoTime()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("id");
    }

    private String newCase(String customer) {
        Api.Response r = api.post("/api/v1/cases", "clerk", """
                {"customerId":"%s","category":"COMPLAINT","channel":"IN_STORE","subject":"Late delivery"}""".formatted(customer));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("caseNumber");
    }

    private Api.Response resolve(String caseNumber, String amount, String approval) {
        return api.post("/api/v1/cases/" + caseNumber + "/resolve", "clerk", """
                {"resolution":"Sorry","goodwill":{"type":"STORE_CREDIT","amount":"%s"}%s}""".formatted(amount, approval));
    }

    @Test
    void goodwillSplitOverSeveralCasesOfOneCustomerNeedsAManagerBeyondTheLimit() {
        String customer = newCustomer();
        List<String> cases = List.of(newCase(customer), newCase(customer), newCase(customer));

        assertThat(resolve(cases.get(0), "20.00", "").status()).isEqualTo(200);
        Api.Response second = resolve(cases.get(1), "20.00", "");

        assertThat(second.status()).as(second.body()).isEqualTo(422);
        assertThat(second.text("type")).endsWith("/approval-required");
        assertThat(second.text("detail")).contains("20.00");
        assertThat(resolve(cases.get(1), "20.00", APPROVAL).status()).isEqualTo(200);
        // another customer is not affected
        assertThat(resolve(newCase(newCustomer()), "20.00", "").status()).isEqualTo(200);
    }

    @Test
    void casesOfOneCustomerResolvedAtOnceStillStopAtTheLimit() {
        for (int round = 0; round < 3; round++) {
            String customer = newCustomer();
            List<Supplier<Api.Response>> contestants = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String number = newCase(customer);
                contestants.add(() -> resolve(number, "10.00", ""));
            }
            List<Api.Response> answers = Race.run(contestants);

            assertThat(answers).filteredOn(r -> r.status() == 200).as("%s", answers).hasSize(2);
            assertThat(answers).filteredOn(r -> r.status() != 200)
                    .allSatisfy(r -> assertThat(r.body()).contains("approval-required"));
        }
    }
}
