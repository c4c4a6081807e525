package io.storedesk.pos.drawer.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.CashPosting;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.drawer.DrawerProperties;
import io.storedesk.pos.journal.Journal;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class DrawerService implements CashDrawers {

    private final DrawerProperties properties;
    private final StoreProperties store;
    private final DrawerSessionRepository sessions;
    private final JdbcClient jdbc;
    private final Journal journal;
    private final JsonMapper json;
    private final Clock clock;

    DrawerService(DrawerProperties properties, StoreProperties store, DrawerSessionRepository sessions,
            JdbcClient jdbc, Journal journal, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.journal = journal;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public DrawerInfo drawer(String drawerId) {
        DrawerProperties.Drawer d = drawerId == null ? null : properties.drawers().get(drawerId);
        if (d == null) {
            throw ProblemException.rule("unknown-drawer", "Unknown drawer",
                    "There is no drawer '%s' at this store; configured drawers: %s."
                            .formatted(drawerId, new TreeMap<>(properties.drawers()).keySet()));
        }
        return new DrawerInfo(drawerId, d.register(), store.currency());
    }

    public List<DrawerInfo> drawers() {
        return new TreeMap<>(properties.drawers()).keySet().stream().map(this::drawer).toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void post(String drawerId, CashPosting posting) {
        int open = jdbc.sql("UPDATE drawer_session SET posting_count = posting_count + 1, "
                        + "expected_cash = expected_cash + ? WHERE open_marker = ?")
                .params(posting.amount().amount(), drawerId).update();
        if (open == 0) {
            throw ProblemException.conflict("drawer-not-open", "Drawer not open",
                    "Drawer %s is not open; open it with a counted float before taking or paying out cash."
                            .formatted(drawerId));
        }
        UUID sessionId = jdbc.sql("SELECT id FROM drawer_session WHERE open_marker = ?").param(drawerId)
                .query(UUID.class).single();
        jdbc.sql("INSERT INTO drawer_posting (id, session_id, drawer_id, type, amount, reference, reason, actor, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), sessionId, drawerId, posting.type().name(), posting.amount().amount(),
                        posting.reference(), posting.reason(), posting.actor(),
                        OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .update();
    }

    /** Opens the drawer with a float counted by denomination. */
    @Transactional
    public OpenedDrawer open(String drawerId, Map<String, Integer> floatCounts, String user) {
        DrawerInfo drawer = drawer(drawerId);
        Money total = countTotal(drawer, floatCounts);
        if (sessions.findByOpenMarker(drawerId).isPresent()) {
            throw alreadyOpen(drawerId);
        }
        DrawerSession session = DrawerSession.open(drawerId, drawer.registerId(), drawer.currency().getCurrencyCode(),
                store.today(clock), user, clock.instant(), total.amount(), json.writeValueAsString(floatCounts));
        try {
            sessions.saveAndFlush(session);
        } catch (DataIntegrityViolationException raced) {
            throw alreadyOpen(drawerId);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("drawerId", drawerId);
        payload.put("sessionId", session.id().toString());
        payload.put("openingFloat", total.toString());
        payload.put("float", floatCounts);
        journal.append(drawer.registerId(), "DRAWER_OPENED", user, session.id().toString(), payload);
        return OpenedDrawer.of(session, total);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<OpenedDrawer> current(String drawerId) {
        drawer(drawerId);
        return sessions.findByOpenMarker(drawerId).map(s -> OpenedDrawer.of(s,
                Money.of(s.openingFloat().stripTrailingZeros(), java.util.Currency.getInstance(s.currency()))));
    }

    /** Sums a count by denomination, refusing denominations the currency does not have. */
    Money countTotal(DrawerInfo drawer, Map<String, Integer> counts) {
        List<BigDecimal> allowed = properties.denominations().getOrDefault(drawer.currency().getCurrencyCode(), List.of());
        Money total = Money.zero(drawer.currency());
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            BigDecimal denomination;
            try {
                denomination = new BigDecimal(e.getKey());
            } catch (NumberFormatException ex) {
                throw invalidDenomination(e.getKey(), drawer, allowed);
            }
            if (allowed.stream().noneMatch(a -> a.compareTo(denomination) == 0)) {
                throw invalidDenomination(e.getKey(), drawer, allowed);
            }
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 100_000) {
                throw ProblemException.badRequest("invalid-count", "Invalid count",
                        "The count for %s must be a whole number from 0 to 100000.".formatted(e.getKey()));
            }
            total = total.plus(Money.rounded(denomination, drawer.currency()).times(e.getValue()));
        }
        return total;
    }

    private static ProblemException invalidDenomination(String key, DrawerInfo drawer, List<BigDecimal> allowed) {
        return ProblemException.badRequest("invalid-denomination", "Invalid denomination",
                "'%s' is not a %s note or coin; use one of %s.".formatted(key, drawer.currency().getCurrencyCode(),
                        allowed.stream().map(BigDecimal::toPlainString).toList()));
    }

    private static ProblemException alreadyOpen(String drawerId) {
        return ProblemException.conflict("drawer-already-open", "Drawer already open",
                "Drawer %s is already open; close it before opening it again.".formatted(drawerId));
    }

    record OpenedDrawer(String drawerId, String registerId, UUID sessionId, String openedBy,
            OffsetDateTime openedAt, String openingFloat, String currency, String status) {
        static OpenedDrawer of(DrawerSession s, Money openingFloat) {
            return new OpenedDrawer(s.drawerId(), s.registerId(), s.id(), s.openedBy(),
                    s.openedAt().atOffset(ZoneOffset.UTC), openingFloat.toString(), s.currency(), s.status().name());
        }
    }
}
