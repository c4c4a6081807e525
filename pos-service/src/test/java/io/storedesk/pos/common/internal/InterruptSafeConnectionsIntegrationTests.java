package io.storedesk.pos.common.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The running service: a thread with an interrupt pending writes through it and the database stays open. */
class InterruptSafeConnectionsIntegrationTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate tx;

    @Test
    void anInterruptedThreadWritesAndTheStoreGoesOnSelling() throws Exception {
        assertThat(dataSource).isInstanceOf(InterruptSafeConnections.Deferring.class);
        String probe = "interrupt_probe_" + UUID.randomUUID().toString().replace('-', '_');
        jdbc.sql("CREATE TABLE " + probe + " (id INT PRIMARY KEY)").update();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                tx.executeWithoutResult(s -> jdbc.sql("INSERT INTO " + probe + " VALUES (1)").update());
                interruptedAfter.set(Thread.interrupted());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        writer.start();
        writer.join(30_000);

        assertThat(failure.get()).isNull();
        assertThat(interruptedAfter).as("the interrupt is the thread's again after the transaction").isTrue();
        assertThat(count(probe)).isEqualTo(1);
        jdbc.sql("DROP TABLE " + probe).update();
        assertThat(api.get("/api/v1/items/LV-1008", "clerk").status()).isEqualTo(200);
    }
}
