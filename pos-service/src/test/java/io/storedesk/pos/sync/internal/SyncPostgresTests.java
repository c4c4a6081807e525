package io.storedesk.pos.sync.internal;

import java.time.Instant;
import java.util.List;

import io.storedesk.pos.support.Postgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync's migration (V50) and SQL on a real PostgreSQL (embedded): the outbox in id order, a
 * batch acknowledged (deleted) by one DELETE, and the key/value state.
 */
class SyncPostgresTests {

    static JdbcClient jdbc;

    @BeforeAll
    static void migrate() {
        String url = Postgres.newDatabase("sync");
        Flyway.configure().dataSource(url, "postgres", null)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        DriverManagerDataSource ds = new DriverManagerDataSource(url, "postgres", "");
        jdbc = JdbcClient.create(ds);
    }

    @Test
    void theOutboxIsReadInIdOrderAndAcknowledgedBatchesLeaveIt() {
        Outbox outbox = new Outbox(jdbc);
        Instant t = Instant.parse("2026-11-24T09:15:02.123456Z");
        outbox.add("SALE_COMPLETED", t, "{\"receiptNumber\":\"S001-R01-20261124-000001\",\"storeId\":\"S001\"}");
        outbox.add("LOYALTY_ENTRY", t.plusSeconds(1), "{\"entryId\":\"x\",\"storeId\":\"S001\"}");
        outbox.add("SALE_VOIDED", t.plusSeconds(2), "{\"storeId\":\"S001\"}");

        List<Outbox.Row> rows = outbox.unpushed(2);
        assertThat(rows).extracting(Outbox.Row::type).containsExactly("SALE_COMPLETED", "LOYALTY_ENTRY");
        assertThat(rows.get(0).id()).isLessThan(rows.get(1).id());
        assertThat(rows.get(0).occurredAt()).isEqualTo(t);
        assertThat(outbox.pending().count()).isEqualTo(3);
        assertThat(outbox.pending().oldest()).isEqualTo(t);

        assertThat(outbox.acknowledged(rows.stream().map(Outbox.Row::eventId).toList())).isEqualTo(2);
        assertThat(outbox.unpushed(10)).extracting(Outbox.Row::type).containsExactly("SALE_VOIDED");
        assertThat(outbox.pending().count()).isOne();
        assertThat(outbox.pending().oldest()).isEqualTo(t.plusSeconds(2));
    }

    @Test
    void theStateKeepsValuesAndClearsThem() {
        SyncState state = new SyncState(jdbc);
        assertThat(state.getLong(SyncState.PROMOTION_VERSION)).isZero();
        state.put(SyncState.PROMOTION_VERSION, 7);
        state.put(SyncState.PROMOTION_VERSION, 8);
        state.put(SyncState.LAST_ERROR, "head office answered 500");
        state.put(SyncState.LAST_ERROR, null);

        assertThat(state.getLong(SyncState.PROMOTION_VERSION)).isEqualTo(8);
        assertThat(state.get(SyncState.LAST_ERROR)).isEmpty();
    }
}
