package io.storedesk.pos.payment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Card payments ({@code pos.payment.*}).
 *
 * @param acquirer     where the acquirer listens and how the link behaves
 * @param timeout      how long a request waits for its reply before the outcome is unknown
 * @param echoInterval how often an idle signed-on link is checked with an 0800 echo
 * @param merchantId   card acceptor id, field 42 (up to 15 characters)
 * @param terminals    register id -> terminal id, field 41 (up to 8 characters)
 * @param reversal     store-and-forward retry timing
 * @param simulator    the bundled acquirer simulator
 * @param jpos         where the Q2 descriptor templates and the packager live
 */
@ConfigurationProperties("pos.payment")
public record PaymentProperties(
        @DefaultValue Acquirer acquirer,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("60s") Duration echoInterval,
        @DefaultValue("STOREDESK") String merchantId,
        Map<String, String> terminals,
        @DefaultValue Reversal reversal,
        @DefaultValue Simulator simulator,
        @DefaultValue Jpos jpos) {

    public PaymentProperties {
        terminals = terminals == null ? Map.of() : new TreeMap<>(terminals);
    }

    /**
     * @param port                     0 = the bundled simulator's actual port (the simulator must be enabled)
     * @param institutionId            acquiring institution id, zero-filled to 11 digits in field 90
     * @param forwardingInstitutionId  forwarding institution id, zero-filled to 11 digits in field 90
     */
    public record Acquirer(
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("0") int port,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("5m") Duration readTimeout,
            @DefaultValue("5s") Duration reconnectDelay,
            @DefaultValue("") String institutionId,
            @DefaultValue("") String forwardingInstitutionId) {
    }

    /**
     * @param pollInterval  how often the queue is looked at
     * @param retryDelay    wait after the first attempt; doubles per attempt
     * @param maxRetryDelay upper bound of the wait between attempts
     */
    public record Reversal(
            @DefaultValue("5s") Duration pollInterval,
            @DefaultValue("10s") Duration retryDelay,
            @DefaultValue("5m") Duration maxRetryDelay) {
    }

    /**
     * @param enabled start the simulator on a free loopback port (the demo configuration does)
     * @param delay   how long the simulator holds back its answer for the "slow" magic amount
     */
    public record Simulator(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("30s") Duration delay) {
    }

    /**
     * @param configDir Q2 descriptor templates in {@code deploy/}; relative to the working directory
     * @param packager  GenericPackager XML, relative to {@code configDir}
     */
    public record Jpos(
            @DefaultValue("config/jpos") Path configDir,
            @DefaultValue("packager/iso87ascii.xml") String packager) {

        public Path packagerFile() {
            return configDir.resolve(packager).toAbsolutePath().normalize();
        }

        public Path deployTemplates() {
            return configDir.resolve("deploy").toAbsolutePath().normalize();
        }
    }
}
