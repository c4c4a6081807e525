package io.storedesk.pos.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.storedesk.pos.PosApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The payment module keeps to its boundary: it uses only the common and journal modules, and
 * no other module reaches into its internals. (The whole application's {@code verify()}
 * belongs to the application's ModularityTests.)
 */
class PaymentModuleTests {

    private final ApplicationModules modules = ApplicationModules.of(PosApplication.class);

    @Test
    void dependsOnlyOnCommonAndJournal() {
        ApplicationModule payment = modules.getModuleByName("payment").orElseThrow();

        assertThat(payment.getDirectDependencies(modules).uniqueModules().map(m -> m.getIdentifier().toString()))
                .isSubsetOf("common", "journal");
    }

    @Test
    void hasNoModuleViolations() {
        assertThat(modules.detectViolations().filter(v -> v.getMessage().contains(".payment.")).getMessages())
                .isEmpty();
    }
}
