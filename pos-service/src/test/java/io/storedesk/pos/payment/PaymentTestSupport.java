package io.storedesk.pos.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import io.storedesk.pos.payment.simulator.SimulatorMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Shared test settings for the payment module: where {@code config/jpos} is (tests may run
 * with the module or the repository as working directory), short timeouts so failure paths
 * run in a second or two, two registers with terminals, and users for the HTTP calls.
 */
final class PaymentTestSupport {

    /** Test cards: Luhn-valid, never real. */
    static final String VISA = "4761739001010010";
    static final String MASTERCARD = "5413330089010434";
    static final String MASTERCARD_TRACK2 = ";5413330089010434=28122011234567890?";
    static final String MAESTRO = "6799990000000103";

    private PaymentTestSupport() {
    }

    static Path jposConfigDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("config").resolve("jpos");
            if (Files.isDirectory(candidate.resolve("deploy"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("config/jpos not found above " + Path.of("").toAbsolutePath());
    }

    static Path packager() {
        return jposConfigDir().resolve("packager").resolve("iso87ascii.xml");
    }

    /**
     * For {@code @DynamicPropertySource}: empties the test's data dir (each test class starts on a
     * fresh database) and adds {@link #properties} except the data dir itself.
     */
    static void register(DynamicPropertyRegistry registry, String dataDir) {
        deleteRecursively(Path.of(dataDir));
        properties(dataDir).forEach((key, value) -> {
            if (!key.equals("pos.data-dir")) {
                registry.add(key, () -> value);
            }
        });
    }

    /** Everything a test context needs besides its data dir; the simulator is the Spring bean. */
    static Map<String, Object> properties(String dataDir) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("pos.data-dir", dataDir);
        p.put("pos.payment.jpos.config-dir", jposConfigDir().toString());
        p.put("pos.payment.timeout", "1s");
        p.put("pos.payment.echo-interval", "1s");
        p.put("pos.payment.acquirer.connect-timeout", "1s");
        p.put("pos.payment.acquirer.reconnect-delay", "200ms");
        p.put("pos.payment.reversal.poll-interval", "200ms");
        p.put("pos.payment.reversal.retry-delay", "200ms");
        p.put("pos.payment.reversal.max-retry-delay", "1s");
        p.put("pos.payment.simulator.enabled", "true");
        p.put("pos.payment.simulator.delay", "3s");
        p.put("pos.payment.merchant-id", "TESTSHOP001");
        p.put("pos.payment.terminals.R01", "T0000R01");
        p.put("pos.payment.terminals.R02", "T0000R02");
        p.put("pos.store.currency", "EUR");
        p.put("pos.store.zone", "Europe/Riga");
        p.put("pos.identity.users.clerk.password", "{noop}clerk");
        p.put("pos.identity.users.clerk.roles", "CLERK");
        p.put("pos.identity.users.admin.password", "{noop}admin");
        p.put("pos.identity.users.admin.roles", "ADMIN");
        return p;
    }

    static Money eur(String amount) {
        return Money.of(amount, Currency.getInstance("EUR"));
    }

    /** Requests of one MTI the simulator received, oldest first. */
    static List<SimulatorMessage> sent(AcquirerSimulator simulator, String mti) {
        return simulator.received().stream().filter(m -> m.mti().equals(mti)).toList();
    }

    /** The one request of this MTI the simulator received; fails if there are none or several. */
    static SimulatorMessage only(AcquirerSimulator simulator, String mti) {
        List<SimulatorMessage> messages = sent(simulator, mti);
        assertThat(messages).as("%s messages received", mti).hasSize(1);
        return messages.get(0);
    }

    static Map<String, Object> transaction(JdbcClient jdbc, String reference) {
        return jdbc.sql("SELECT * FROM card_transaction WHERE reference = ?").param(reference).query().singleRow();
    }

    static Map<String, Object> reversal(JdbcClient jdbc, String reference) {
        return jdbc.sql("SELECT * FROM payment_reversal WHERE transaction_ref = ?").param(reference).query()
                .singleRow();
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
