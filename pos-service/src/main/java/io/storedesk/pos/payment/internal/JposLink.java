package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.StoreOnly;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.payment.PaymentProperties;
import io.storedesk.pos.payment.simulator.AcquirerSimulator;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.MUX;
import org.jpos.q2.Q2;
import org.jpos.util.NameRegistrar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs jPOS Q2 inside the application: writes the deploy descriptors (see
 * {@link DeployDescriptors}) to {@code <pos.data-dir>/q2/deploy}, starts Q2 with
 * {@code --no-shutdown-hook} and stops it as a {@link SmartLifecycle}, so Spring decides the
 * shutdown order (web requests drain first, the link closes after). Gives the rest of the
 * module the acquirer QMUX. {@code pos.payment.acquirer.port=0} means the bundled simulator,
 * whose actual port is read from the simulator bean when the descriptors are written.
 */
@StoreOnly
@Component
class JposLink implements SmartLifecycle {

    static final int PHASE = 0;
    private static final Logger log = LoggerFactory.getLogger(JposLink.class);

    private final PaymentProperties properties;
    private final Environment environment;
    private final ObjectProvider<AcquirerSimulator> simulator;
    private volatile Q2 q2;
    private volatile MUX mux;
    private volatile String host;
    private volatile int port;

    JposLink(PaymentProperties properties, Environment environment, ObjectProvider<AcquirerSimulator> simulator) {
        this.properties = properties;
        this.environment = environment;
        this.simulator = simulator;
        this.host = properties.acquirer().host();
        this.port = properties.acquirer().port();
    }

    @Override
    public synchronized void start() {
        resolveEndpoint();
        String instance = UUID.randomUUID().toString().substring(0, 8);
        Path deployDir = Path.of(environment.getProperty("pos.data-dir", "./data")).resolve("q2").resolve("deploy")
                .toAbsolutePath().normalize();
        PaymentProperties.Acquirer acquirer = properties.acquirer();
        Map<String, Object> computed = new HashMap<>();
        computed.put("q2.instance", instance);
        computed.put("q2.packager", properties.jpos().packagerFile().toString());
        computed.put("pos.payment.acquirer.host", host);
        computed.put("pos.payment.acquirer.port", Integer.toString(port));
        computed.put("pos.payment.acquirer.connect-timeout", millis(acquirer.connectTimeout()));
        computed.put("pos.payment.acquirer.read-timeout", millis(acquirer.readTimeout()));
        computed.put("pos.payment.acquirer.reconnect-delay", millis(acquirer.reconnectDelay()));
        DeployDescriptors.write(properties.jpos().deployTemplates(), deployDir, environment, computed);
        JposLogging.install();
        Q2 started = new Q2(new String[] { "--deploydir", deployDir.toString(), "--no-shutdown-hook", "--no-scan",
                "--no-dynamic" });
        started.start();
        q2 = started;
        if (!started.ready(Duration.ofSeconds(30).toMillis())) {
            stop();
            throw new IllegalStateException("jPOS Q2 did not deploy " + deployDir + " within 30 s");
        }
        try {
            mux = (MUX) NameRegistrar.get("mux.acquirer-" + instance);
        } catch (NameRegistrar.NotFoundException e) {
            stop();
            throw new IllegalStateException("the Q2 descriptors in " + properties.jpos().deployTemplates()
                    + " must deploy a QMUX named acquirer-${q2.instance}; see the Q2 log for deploy errors", e);
        }
        log.info("Card acquirer link started: {}:{} (Q2 deploy directory {})", host, port, deployDir);
    }

    private void resolveEndpoint() {
        if (properties.acquirer().port() != 0) {
            return;
        }
        AcquirerSimulator sim = simulator.getIfAvailable();
        if (sim == null) {
            throw new IllegalStateException("pos.payment.acquirer.port is 0, which means the bundled simulator, "
                    + "but pos.payment.simulator.enabled is false: set the acquirer's port or enable the simulator");
        }
        host = sim.host();
        port = sim.port();
    }

    @Override
    public synchronized void stop() {
        Q2 running = q2;
        mux = null;
        q2 = null;
        if (running != null) {
            running.shutdown(true);
            log.info("Card acquirer link stopped");
        }
    }

    @Override
    public boolean isRunning() {
        return q2 != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    boolean connected() {
        MUX m = mux;
        return m != null && m.isConnected();
    }

    /**
     * Sends a request and waits for its reply.
     *
     * @return the reply, or null when none came in time (or the request could not be queued):
     *         the outcome is then unknown
     */
    ISOMsg request(ISOMsg request, Duration timeout) {
        MUX m = mux;
        if (m == null) {
            return null;
        }
        try {
            return m.request(request, timeout.toMillis());
        } catch (ISOException e) {
            log.warn("Request to the acquirer failed: {}", e.getMessage());
            return null;
        }
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    private static String millis(Duration d) {
        return Long.toString(d.toMillis());
    }
}
