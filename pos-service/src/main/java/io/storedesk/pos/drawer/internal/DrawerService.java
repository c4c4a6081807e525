package io.storedesk.pos.drawer.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.storedesk.pos.common.Ids;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.CashPosting;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.drawer.DrawerProperties;
import io.storedesk.pos.drawer.PostingType;
import io.storedesk.pos.identity.CurrentUser;
import io.storedesk.pos.journal.Journal;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens drawers and books every posting against the open session: loaded under its lock by
 * {@link DrawerSessionRepository}, changed by {@link DrawerSession#post}, stored back by the repository.
 */
@Service
class DrawerService implements CashDrawers {

    private final DrawerProperties properties;
    private final StoreProperties store;
    private final DrawerSessionRepository sessions;
    private final Denominations denominations;
    private final BusinessDayService days;
    private final JdbcClient jdbc;
    private final Journal journal;
    private final JsonMapper json;
    private final Clock clock;
    private final DayLock dayLock;
    private final javax.sql.DataSource dataSource;

    DrawerService(DrawerProperties properties, StoreProperties store, DrawerSessionRepository sessions,
            Denominations denominations, BusinessDayService days, JdbcClient jdbc, Journal journal, JsonMapper json,
            Clock clock, DayLock dayLock, javax.sql.DataSource dataSource) {
        this.dayLock = dayLock;
        this.dataSource = dataSource;
        this.properties = properties;
        this.store = store;
        this.sessions = sessions;
        this.denominations = denominations;
        this.days = days;
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

    @Override
    public DrawerInfo drawerForOperation(String drawerId) {
        DrawerInfo drawer = drawer(drawerId);
        CurrentUser.requireRegister(drawer.registerId());
        return drawer;
    }

    List<DrawerInfo> drawers() {
        return new TreeMap<>(properties.drawers()).keySet().stream().map(this::drawer).toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public LocalDate post(String drawerId, CashPosting posting) {
        HeldSession held = hold(drawerId); // locks 1 and 2: the open session, loaded under its lock
        DrawerSession session = held.session();
        if (session == null) {
            throw notOpen(drawerId);
        }
        session.post(posting.type(), posting.amount()); // the session's rules (insufficient-cash)
        sessions.storePosting(session);
        insertPosting(session.id(), drawerId, posting.type(), "CASH", posting.amount().amount(),
                posting.reference(), posting.reason(), posting.actor());
        return held.businessDate();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordTender(String drawerId, String tender, Money amount, String reference, String actor) {
        HeldSession held = hold(drawerId);
        Optional<UUID> session = held.session() != null ? Optional.of(held.session().id())
                : sessions.findOpen(drawerId).map(DrawerSession::id);
        session.ifPresent(id -> insertPosting(id, drawerId, PostingType.TENDER, tender, amount.amount(), reference,
                null, actor));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public LocalDate holdDay(String drawerId) {
        return hold(drawerId).businessDate();
    }

    /**
     * The open session a transaction holds (null if the drawer is not open), as loaded under lock 2 and changed by
     * the transaction's postings since, and its business date.
     */
    private record HeldSession(DrawerSession session, LocalDate businessDate) {
    }

    /** Names what one transaction (by its bound connection) holds of one drawer. */
    private record Held(String drawerId, Object transaction) {
    }

    /**
     * Locks 1 and 2 (docs/locking.md) and the deciding check that the day is open, once per
     * transaction and drawer: what a transaction holds it keeps until it ends, so a second
     * posting in it (a sale's cash and its card tenders) reuses the first one's answer instead of
     * asking the database again: it posts to the same {@link DrawerSession}, which is never stale, since nothing
     * else can change the row while the lock is held. Another transaction, even a nested new one, asks for itself.
     */
    private HeldSession hold(String drawerId) {
        Object transaction = TransactionSynchronizationManager.getResource(dataSource);
        Held key = transaction == null || !TransactionSynchronizationManager.isSynchronizationActive() ? null
                : new Held(drawerId, transaction);
        if (key != null && TransactionSynchronizationManager.getResource(key) instanceof HeldSession held) {
            return held;
        }
        dayLock.holdForPosting(); // lock 1 (docs/locking.md)
        DrawerSession session = sessions.lockOpen(drawerId).orElse(null); // lock 2
        HeldSession held = new HeldSession(session,
                days.requireOpen(session != null ? session.businessDate() : store.today(clock)));
        if (key != null && session != null) {
            TransactionSynchronizationManager.bindResource(key, held);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return held;
    }

    @Override
    public LocalDate businessDate(String drawerId) {
        return jdbc.sql("SELECT business_date FROM drawer_session WHERE open_marker = ?").param(drawerId)
                .query(LocalDate.class).optional()
                .orElseGet(() -> days.requireOpen(store.today(clock)));
    }

    private void insertPosting(UUID sessionId, String drawerId, PostingType type, String tender, BigDecimal amount,
            String reference, String reason, String actor) {
        jdbc.sql("INSERT INTO drawer_posting (id, session_id, drawer_id, type, tender, amount, reference, reason, actor, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Ids.timeOrdered(), sessionId, drawerId, type.name(), tender, amount, reference, reason, actor,
                        OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .update();
    }

    /** Opens the drawer with a float counted by denomination, on the current business day. */
    @Transactional
    public OpenedDrawer open(String drawerId, Map<String, Integer> floatCounts, String user) {
        DrawerInfo drawer = drawerForOperation(drawerId);
        Money total = denominations.total(drawer, floatCounts);
        dayLock.holdForPosting(); // lock 1 (docs/locking.md): a day close waits, or this open sees the day closed
        if (sessions.findOpen(drawerId).isPresent()) {
            throw alreadyOpen(drawerId);
        }
        LocalDate businessDate = days.requireOpen(store.today(clock));
        DrawerSession session = DrawerSession.open(drawerId, drawer.registerId(), drawer.currency().getCurrencyCode(),
                businessDate, user, clock.instant(), total.amount(), json.writeValueAsString(new TreeMap<>(floatCounts)));
        try {
            sessions.insert(session);
        } catch (DataIntegrityViolationException raced) {
            throw alreadyOpen(drawerId);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("drawerId", drawerId);
        payload.put("sessionId", session.id().toString());
        payload.put("businessDate", businessDate.toString());
        payload.put("openingFloat", total.toString());
        payload.put("float", new TreeMap<>(floatCounts));
        journal.append(drawer.registerId(), "DRAWER_OPENED", user, session.id().toString(), payload);
        return OpenedDrawer.of(session);
    }

    @Transactional(readOnly = true)
    public Optional<OpenedDrawer> current(String drawerId) {
        drawer(drawerId);
        return sessions.findOpen(drawerId).map(OpenedDrawer::of);
    }

    static ProblemException notOpen(String drawerId) {
        return ProblemException.conflict("drawer-not-open", "Drawer not open",
                "Drawer %s is not open; open it with a counted float first.".formatted(drawerId));
    }

    private static ProblemException alreadyOpen(String drawerId) {
        return ProblemException.conflict("drawer-already-open", "Drawer already open",
                "Drawer %s is already open; close it before opening it again.".formatted(drawerId));
    }

    /** An open drawer as clerks see it: no expected cash, so the close stays blind. */
    record OpenedDrawer(String drawerId, String registerId, UUID sessionId, LocalDate businessDate, String openedBy,
            OffsetDateTime openedAt, String openingFloat, String currency, String status) {
        static OpenedDrawer of(DrawerSession s) {
            Currency currency = Currency.getInstance(s.currency());
            return new OpenedDrawer(s.drawerId(), s.registerId(), s.id(), s.businessDate(), s.openedBy(),
                    s.openedAt().atOffset(ZoneOffset.UTC), Money.rounded(s.openingFloat(), currency).toString(),
                    s.currency(), s.status().name());
        }
    }
}
