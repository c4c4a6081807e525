package io.storedesk.pos.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import io.storedesk.pos.common.StoreOnly;
import io.storedesk.pos.common.StoreProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What each register's customer-facing display shows: the picture the till's sale page last sent (lines,
 * total, what was paid and the change, the card's points), handed to every display watching that register
 * as a server-sent event. Presentation only, like the screen itself: nothing here is a document or
 * decides anything, so the last picture per register lives in memory and a restart shows the welcome
 * picture until the till's next change.
 */
@Component
@StoreOnly
class CustomerDisplays {

    /** How long a display's event stream stays open before the browser reconnects (EventSource does so by itself). */
    static final long STREAM_MILLIS = 10 * 60 * 1000L;

    enum State { IDLE, BASKET, PAID }

    record Line(String name, int quantity, String amount) {
    }

    /** One picture of a register's display; {@code version} grows with each picture the till sends. */
    record Picture(String registerId, State state, List<Line> lines, String total, String paid, String change,
            Long points, String currency, long version, Instant at) {
    }

    private final Map<String, Picture> pictures = new ConcurrentHashMap<>();
    private final Map<String, Set<SseEmitter>> watchers = new ConcurrentHashMap<>();
    private final StoreProperties store;
    private final Clock clock;

    CustomerDisplays(StoreProperties store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The register's current picture: the welcome picture until its till sent one. */
    Picture current(String registerId) {
        return pictures.getOrDefault(registerId, new Picture(registerId, State.IDLE, List.of(), null, null, null, null,
                store.currency().getCurrencyCode(), 0, null));
    }

    /** Shows a new picture on the register's displays. */
    Picture show(String registerId, State state, List<Line> lines, String total, String paid, String change, Long points) {
        Picture shown = pictures.compute(registerId, (id, before) -> new Picture(id, state,
                state == State.IDLE ? List.of() : List.copyOf(lines), state == State.IDLE ? null : total,
                state == State.PAID ? paid : null, state == State.PAID ? change : null, state == State.IDLE ? null : points,
                store.currency().getCurrencyCode(), before == null ? 1 : before.version() + 1, clock.instant()));
        for (SseEmitter emitter : watchers.getOrDefault(registerId, Set.of())) {
            send(registerId, emitter, shown);
        }
        return shown;
    }

    /** A display starts watching: it gets the current picture at once, then every new one. */
    SseEmitter watch(String registerId) {
        SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
        Set<SseEmitter> set = watchers.computeIfAbsent(registerId, id -> new CopyOnWriteArraySet<>());
        set.add(emitter);
        Runnable gone = () -> set.remove(emitter);
        emitter.onCompletion(gone);
        emitter.onTimeout(gone);
        emitter.onError(e -> gone.run());
        send(registerId, emitter, current(registerId));
        return emitter;
    }

    /** A comment line now and then keeps idle connections (and proxies between till and display) open. */
    @Scheduled(fixedDelay = 25_000)
    void keepAlive() {
        watchers.forEach((registerId, set) -> set.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException closed) {
                set.remove(emitter);
            }
        }));
    }

    private void send(String registerId, SseEmitter emitter, Picture picture) {
        try {
            emitter.send(SseEmitter.event().name("picture").id(Long.toString(picture.version())).data(picture));
        } catch (IOException | IllegalStateException closed) {
            watchers.getOrDefault(registerId, Set.of()).remove(emitter);
        }
    }
}
