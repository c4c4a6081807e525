package io.storedesk.pos.sync;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline allowance of a gift card is one per card and store, whatever the number of tills (issue 26): a
 * store that cannot reach head office (here: no sync at all) lets a card spend up to
 * {@code pos.gift-cards.offline-allowance}; many sales on one card sent at the same moment from every register
 * spend at most that in total, the others are refused (503 {@code gift-card-offline}) with nothing written.
 * Own service and data directory (its own allowance); H2 and, in the {@code postgresql} execution, PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pos.data-dir=target/test-data/gift-allowance-${random.uuid}",
                "pos.gift-cards.offline-allowance=25.00"})
class GiftCardOfflineAllowanceIntegrationTests {

    static final String CARD = "7001000000005555";
    static final List<String> DRAWERS = List.of("D1", "D2", "D3", "D4");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void tillsSpendingOneCardOfflineAtOnceShareOneAllowance() {
        Api api = new Api(port);
        DRAWERS.forEach(api::ensureOpen);
        long salesBefore = jdbc.sql("SELECT COUNT(*) FROM sale").query(Long.class).single();

        // 16 sales of 19.99 at once, 4 at each register, each paying 4.00 by the card and the rest in cash: the
        // allowance of 25.00 pays six of them (24.00); a seventh would go beyond it
        List<Supplier<Api.Response>> tills = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String drawer = DRAWERS.get(i % DRAWERS.size());
            tills.add(() -> api.post("/api/v1/sales", "clerk", """
                    {"drawerId":"%s","lines":[{"sku":"LV-1019","quantity":1}],
                     "tenders":[{"type":"GIFT_CARD","giftCard":"%s","amount":"4.00"},{"type":"CASH","amount":"20.00"}]}"""
                    .formatted(drawer, CARD)));
        }
        List<Api.Response> answers = Race.run(tills);

        BigDecimal spent = BigDecimal.ZERO;
        int sold = 0;
        for (Api.Response r : answers) {
            assertThat(r.body()).doesNotContain(CARD);
            if (r.status() == 201) {
                sold++;
                spent = spent.add(giftTender(r));
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(503);
                assertThat(r.text("type")).endsWith("/gift-card-offline");
            }
        }
        assertThat(spent).as("what the card paid at all tills together").isLessThanOrEqualTo(new BigDecimal("25.00"));
        assertThat(sold).as("the allowance pays six sales of 4.00, and maybe a seventh the 1.00 left").isBetween(6, 7);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sale").query(Long.class).single()).isEqualTo(salesBefore + sold);
        assertThat(redeemsInTheOutbox()).as("what head office will be sent: one REDEEM per sale").hasSize(sold);
        assertThat(redeemsInTheOutbox().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(spent);

        // what is left (if any) pays a sale without an amount; then nothing is left
        if (spent.compareTo(new BigDecimal("25.00")) < 0) {
            Api.Response rest = api.post("/api/v1/sales", "clerk", """
                    {"drawerId":"D2","lines":[{"sku":"LV-1019","quantity":1}],
                     "tenders":[{"type":"GIFT_CARD","giftCard":"%s"},{"type":"CASH","amount":"20.00"}]}""".formatted(CARD));
            assertThat(rest.status()).as(rest.body()).isEqualTo(201);
            spent = spent.add(giftTender(rest));
        }
        assertThat(spent).isEqualByComparingTo("25.00");
        assertThat(redeemsInTheOutbox().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("25.00");
        Api.Response none = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D3","lines":[{"sku":"LV-1019","quantity":1}],
                 "tenders":[{"type":"GIFT_CARD","giftCard":"%s"},{"type":"CASH","amount":"20.00"}]}""".formatted(CARD));
        assertThat(none.status()).as(none.body()).isEqualTo(503);
        assertThat(none.text("type")).endsWith("/gift-card-offline");
    }

    /** The amounts of the offline REDEEMs waiting in the outbox for head office. */
    private List<String> redeemsInTheOutbox() {
        return jdbc.sql("SELECT payload FROM sync_outbox WHERE type = 'GIFT_CARD_OP'").query(String.class).list()
                .stream().map(p -> tools.jackson.databind.json.JsonMapper.builder().build().readTree(p))
                .filter(p -> p.get("kind").asString().equals("REDEEM")).map(p -> p.get("amount").asString()).toList();
    }

    private static BigDecimal giftTender(Api.Response sale) {
        for (JsonNode t : sale.json().get("tenders")) {
            if (t.get("type").asString().equals("GIFT_CARD")) {
                return new BigDecimal(t.get("amount").asString());
            }
        }
        throw new AssertionError("no gift-card tender in " + sale.body());
    }
}
