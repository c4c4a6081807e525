package io.storedesk.pos.payment.internal;

import io.storedesk.pos.common.StoreOnly;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import io.storedesk.pos.payment.PaymentProperties;
import io.storedesk.pos.payment.internal.Terminals.Terminal;
import org.jpos.iso.ISOMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Keeps an eye on the acquirer link with 0800 network messages: signs on (field 70 = 001)
 * whenever the link is up but not signed on, then echoes (301) every
 * {@code pos.payment.echo-interval}. An unanswered or refused 0800, or a dropped link, means
 * not signed on until the next sign-on succeeds. Logs each change of state once. Runs on Spring's
 * task scheduler while the link's lifecycle runs.
 */
@StoreOnly
@Component
class LinkMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LinkMonitor.class);

    private final JposLink link;
    private final IsoMessages messages;
    private final StanSequence stans;
    private final Terminals terminals;
    private final PaymentProperties properties;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private volatile ScheduledFuture<?> schedule;
    private volatile boolean signedOn;
    private volatile boolean connected;
    private volatile Instant lastEchoAt;

    LinkMonitor(JposLink link, IsoMessages messages, StanSequence stans, Terminals terminals,
            PaymentProperties properties, Clock clock, TaskScheduler scheduler) {
        this.scheduler = scheduler;
        this.link = link;
        this.messages = messages;
        this.stans = stans;
        this.terminals = terminals;
        this.properties = properties;
        this.clock = clock;
    }

    boolean signedOn() {
        return signedOn;
    }

    Instant lastEchoAt() {
        return lastEchoAt;
    }

    void check() {
        try {
            if (!link.connected()) {
                if (connected) {
                    log.warn("Card acquirer link is down; reconnecting");
                }
                connected = false;
                signedOn = false;
                return;
            }
            if (!connected) {
                log.info("Card acquirer link is up at {}:{}", link.host(), link.port());
                connected = true;
            }
            if (!signedOn) {
                signedOn = networkMessage(IsoMessages.SIGN_ON);
                if (signedOn) {
                    log.info("Signed on to the card acquirer");
                }
            } else if (lastEchoAt == null
                    || !clock.instant().isBefore(lastEchoAt.plus(properties.echoInterval()))) {
                signedOn = networkMessage(IsoMessages.ECHO);
                if (!signedOn) {
                    log.warn("Card acquirer did not answer the echo; signing on again");
                }
            }
        } catch (RuntimeException e) {
            signedOn = false;
            log.warn("Card acquirer link check failed", e);
        }
    }

    private boolean networkMessage(String code) {
        Terminal terminal = terminals.network();
        String stan = stans.next(terminal == null ? "NETWORK" : terminal.terminalId());
        ISOMsg reply = link.request(messages.network(code, terminal, stan), properties.timeout());
        if (reply != null && "00".equals(reply.getString(39))) {
            lastEchoAt = clock.instant();
            return true;
        }
        return false;
    }

    @Override
    public synchronized void start() {
        Duration tick = properties.echoInterval().compareTo(Duration.ofSeconds(2)) < 0 ? properties.echoInterval()
                : Duration.ofSeconds(2);
        schedule = scheduler.scheduleWithFixedDelay(this::check, tick);
    }

    @Override
    public synchronized void stop() {
        ScheduledFuture<?> s = schedule;
        schedule = null;
        signedOn = false;
        if (s != null) {
            s.cancel(false); // a check in flight may be writing a STAN: never interrupt it (InterruptSafeConnections)
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }

    @Override
    public int getPhase() {
        return JposLink.PHASE + 10;
    }
}
