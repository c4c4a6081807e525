package io.storedesk.pos.common;

import java.time.OffsetDateTime;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An installation upgraded from plain request hashes keeps none of them. */
class KeyedFingerprintMigrationTests {

    @Test
    void everyPlainRequestHashIsWithdrawnAndItsRecordKept() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:fingerprint-migration;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target("60").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("INSERT INTO idempotency_record (scope, idem_key, request_hash, response_body, created_at) "
                        + "VALUES ('sale', 'old-1', ?, '{}', ?)")
                .params("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", OffsetDateTime.now())
                .update();

        Flyway.configure().dataSource(db).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();

        assertThat(jdbc.sql("SELECT request_hash FROM idempotency_record WHERE idem_key = 'old-1'")
                .query(String.class).single()).isEqualTo("h0:withdrawn");
    }
}
