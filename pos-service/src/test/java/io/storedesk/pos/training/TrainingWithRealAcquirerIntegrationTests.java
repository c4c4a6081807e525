package io.storedesk.pos.training;

import io.storedesk.pos.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store whose acquirer is a real one (not the bundled simulator): a card tender (or a special order's card
 * deposit) in training is refused before anything happens, and the training number it would have taken is still free. Own service and
 * database, so the shared context's acquirer stays the simulator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/training-acquirer-${random.uuid}",
                "pos.payment.acquirer.port=1", "pos.payment.acquirer.reconnect-delay=60s"})
class TrainingWithRealAcquirerIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aTrainingCardNeedsTheSimulator() {
        Api api = new Api(port);
        api.ensureOpen("D1");
        Api.Response customer = api.post("/api/v1/customers", "clerk", """
                {"name":"Training Acquirer","phone":"+371 2000 0001"}""");
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        assertThat(api.put("/api/v1/training/users/clerk2", "manager", "").status()).isEqualTo(200);

        // a special order's card deposit in training, too (issue 24)
        Api.Response deposit = api.post("/api/v1/special-orders", "clerk2", """
                {"customerId":"%s","drawerId":"D1","lines":[{"sku":"EL-2002","quantity":1}],
                 "deposit":{"type":"CARD","amount":"10.00","card":{"pan":"4761739001010010","expiry":"3012"}}}"""
                .formatted(customer.text("id")));
        assertThat(deposit.status()).as(deposit.body()).isEqualTo(422);
        assertThat(deposit.body()).contains("training-card-needs-simulator");

        Api.Response card = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],
                 "tenders":[{"type":"CARD","card":{"pan":"4761739001010010","expiry":"3012"}}]}""");
        assertThat(card.status()).as(card.body()).isEqualTo(422);
        assertThat(card.body()).contains("training-card-needs-simulator");

        Api.Response cash = api.post("/api/v1/sales", "clerk2", """
                {"drawerId":"D1","lines":[{"sku":"LV-1001","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""");
        assertThat(cash.status()).as(cash.body()).isEqualTo(201);
        assertThat(cash.text("receiptNumber")).isEqualTo("TRN-R01-000001");
        assertThat(api.delete("/api/v1/training/users/clerk2", "manager").status()).isEqualTo(200);
    }
}
