package io.storedesk.pos.journal;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every completed sale is journaled; the chain detects a row changed behind the service's back. */
class JournalIntegrationTests extends IntegrationTest {

    private static final String SALE = """
            {"drawerId":"D1","lines":[{"sku":"CZ-3005","quantity":1}],"tenders":[{"type":"CASH","amount":"5.00"}]}""";

    @Test
    void completedSaleIsJournaledWithItsReceiptNumberAndTotal() {
        ensureOpen("D1");
        String receipt = api.post("/api/v1/sales", "clerk", SALE).text("receiptNumber");

        JsonNode entries = api.get("/api/v1/journal/entries?chain=R01&from=1&limit=1000", "manager").json();
        JsonNode mine = entries.valueStream().filter(e -> receipt.equals(e.get("reference").asString())).findFirst().orElseThrow();
        assertThat(mine.get("type").asString()).isEqualTo("SALE_COMPLETED");
        assertThat(mine.get("actor").asString()).isEqualTo("clerk");
        assertThat(mine.get("payload").asString()).contains("\"total\":\"3.99\"", receipt);
    }

    @Test
    void tamperingWithAJournalRowIsDetectedAtItsSequence() {
        ensureOpen("D1");
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/sales", "clerk", SALE);
        }
        assertThat(api.get("/api/v1/journal/verify", "manager").json().get("valid").asBoolean()).isTrue();
        long target = jdbc.sql("SELECT MAX(seq) - 1 FROM journal_entry WHERE chain = 'R01'").query(Long.class).single();
        String original = jdbc.sql("SELECT payload FROM journal_entry WHERE chain = 'R01' AND seq = ?").param(target)
                .query(String.class).single();
        try {
            jdbc.sql("UPDATE journal_entry SET payload = ? WHERE chain = 'R01' AND seq = ?")
                    .params(original.replace("\"total\":\"3.99\"", "\"total\":\"0.99\""), target).update();

            Api.Response verify = api.get("/api/v1/journal/verify", "manager");
            assertThat(verify.status()).isEqualTo(200);
            assertThat(verify.json().get("valid").asBoolean()).isFalse();
            assertThat(verify.json().get("firstBrokenChain").asString()).isEqualTo("R01");
            assertThat(verify.json().get("firstBrokenSequence").asLong()).isEqualTo(target);
        } finally {
            jdbc.sql("UPDATE journal_entry SET payload = ? WHERE chain = 'R01' AND seq = ?").params(original, target).update();
        }
        assertThat(api.get("/api/v1/journal/verify", "manager").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void deletingAJournalRowShowsAsAGap() {
        ensureOpen("D1");
        api.post("/api/v1/sales", "clerk", SALE);
        api.post("/api/v1/sales", "clerk", SALE);
        long target = jdbc.sql("SELECT MAX(seq) - 1 FROM journal_entry WHERE chain = 'R01'").query(Long.class).single();
        var row = jdbc.sql("SELECT * FROM journal_entry WHERE chain = 'R01' AND seq = ?").param(target).query().singleRow();
        try {
            jdbc.sql("DELETE FROM journal_entry WHERE chain = 'R01' AND seq = ?").param(target).update();

            JsonNode verify = api.get("/api/v1/journal/verify", "manager").json();
            assertThat(verify.get("valid").asBoolean()).isFalse();
            assertThat(verify.get("firstBrokenSequence").asLong()).isEqualTo(target);
        } finally {
            jdbc.sql("INSERT INTO journal_entry (chain, seq, type, occurred_at, actor, reference, payload, prev_hash, hash) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").params(row.get("CHAIN"), row.get("SEQ"), row.get("TYPE"),
                    row.get("OCCURRED_AT"), row.get("ACTOR"), row.get("REFERENCE"), row.get("PAYLOAD"),
                    row.get("PREV_HASH"), row.get("HASH")).update();
        }
        assertThat(api.get("/api/v1/journal/verify", "manager").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void clerksCannotReadTheJournal() {
        Api.Response r = api.get("/api/v1/journal/verify", "clerk");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
