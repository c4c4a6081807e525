package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.StoreOnly;
import io.storedesk.pos.payment.PaymentProperties;
import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the bundled acquirer simulator when {@code pos.payment.simulator.enabled=true} (the
 * demo configuration). It listens on a free loopback port as soon as the bean exists, before
 * any lifecycle starts, so {@link JposLink} can point the channel at its actual port; it stops
 * after the link has been closed.
 */
@StoreOnly
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnBooleanProperty("pos.payment.simulator.enabled")
    AcquirerSimulator acquirerSimulator(PaymentProperties properties) {
        return new AcquirerSimulator(properties.jpos().packagerFile(), properties.simulator().delay());
    }
}
