package io.storedesk.pos.payment.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.ISOChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOServer;
import org.jpos.iso.ISOServerAcceptEvent;
import org.jpos.iso.ISOSource;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.packager.GenericPackager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A card acquirer to talk to in the demo and in tests: a jPOS {@link ISOServer} with
 * {@link ASCIIChannel} and the same GenericPackager as the client, listening on loopback. It
 * checks requests as a strict acquirer would and answers by {@link AcquirerRules}; see
 * {@link MagicAmounts} for the amounts that decline, delay or drop. {@link #down()} stops
 * listening and cuts every connection, {@link #up()} listens again on the same port. Every
 * request received is kept, card data masked, in {@link #received()}.
 */
public final class AcquirerSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AcquirerSimulator.class);

    private final GenericPackager packager;
    private final Duration delay;
    private final AcquirerRules rules = new AcquirerRules();
    private final List<SimulatorMessage> received = new CopyOnWriteArrayList<>();
    private final Set<ISOChannel> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "acquirer-simulator-delay");
        t.setDaemon(true);
        return t;
    });
    private ServerSocket socket;
    private ISOServer server;
    private int port;

    /**
     * @param packagerXml the GenericPackager XML (config/jpos/packager/iso87ascii.xml)
     * @param delay       how long the answer to the "slow" amount is held back
     */
    public AcquirerSimulator(Path packagerXml, Duration delay) {
        try {
            this.packager = new GenericPackager(packagerXml.toAbsolutePath().toString());
        } catch (ISOException e) {
            throw new IllegalArgumentException("cannot read the packager " + packagerXml, e);
        }
        this.delay = delay;
    }

    /** Listens on a free loopback port. */
    public synchronized AcquirerSimulator start() {
        listen(0);
        log.info("Acquirer simulator listening on {}:{}", host(), port);
        return this;
    }

    /** Stops listening and drops every connection; the port stays reserved for {@link #up()}. */
    public synchronized void down() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server = null;
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (ISOChannel channel : sessions) {
            try {
                channel.disconnect();
            } catch (IOException ignored) {
                // the peer went first
            }
        }
        sessions.clear();
    }

    /** Listens again on the same port after {@link #down()}. */
    public synchronized void up() {
        if (server == null) {
            listen(port);
        }
    }

    public synchronized void stop() {
        down();
        delayed.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isUp() {
        return server != null;
    }

    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    public synchronized int port() {
        return port;
    }

    /** Requests received so far, oldest first, card data masked. */
    public List<SimulatorMessage> received() {
        return List.copyOf(received);
    }

    public void clearReceived() {
        received.clear();
    }

    private void listen(int wanted) {
        ISOServer s;
        try {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
            socket = ss;
            port = ss.getLocalPort();
            s = new ISOServer(port, new ASCIIChannel(packager), null);
            s.setConfiguration(new SimpleConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("acquirer simulator cannot listen on port " + wanted, e);
        } catch (org.jpos.core.ConfigurationException e) {
            throw new IllegalStateException(e);
        }
        ServerSocket bound = socket;
        s.setSocketFactory(p -> bound);
        s.addServerEventListener(event -> {
            if (event instanceof ISOServerAcceptEvent accepted) {
                sessions.add(accepted.getISOChannel());
            }
        });
        s.addISORequestListener(this::process);
        Thread t = new Thread(s, "acquirer-simulator-" + port);
        t.setDaemon(true);
        t.start();
        server = s;
    }

    private boolean process(ISOSource source, ISOMsg request) {
        received.add(SimulatorMessage.of(request));
        try {
            AcquirerRules.Decision decision = rules.decide(request);
            switch (decision.action()) {
                case ANSWER -> send(source, decision.reply());
                case DELAY -> delayed.schedule(() -> send(source, decision.reply()), delay.toMillis(),
                        TimeUnit.MILLISECONDS);
                case DROP -> {
                    if (source instanceof ISOChannel channel) {
                        channel.disconnect();
                    }
                }
                case GARBAGE -> {
                    if (source instanceof org.jpos.iso.BaseChannel channel && channel.getSocket() != null) {
                        // a length header the client's channel accepts, then bytes no packager can read
                        var out = channel.getSocket().getOutputStream();
                        byte[] junk = "\u0001\u00ffGARBAGE<>{}\u0000\u0007####!!".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                        out.write("%04d".formatted(junk.length).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        out.write(junk);
                        out.flush();
                    }
                }
            }
        } catch (ISOException | IOException e) {
            log.warn("Acquirer simulator could not handle a request: {}", e.getMessage());
        }
        return true;
    }

    private static void send(ISOSource source, ISOMsg reply) {
        try {
            if (source.isConnected()) {
                source.send(reply);
            }
        } catch (IOException | ISOException e) {
            log.debug("Acquirer simulator could not answer: {}", e.getMessage());
        }
    }
}
