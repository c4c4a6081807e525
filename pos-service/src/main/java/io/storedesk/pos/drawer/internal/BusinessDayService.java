package io.storedesk.pos.drawer.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.drawer.BusinessDayClosed;
import io.storedesk.pos.drawer.BusinessDays;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business days: open by default, closed once by the Z report, and then closed for good. The close
 * holds the business-day lock exclusively; postings hold it while they check the day is open
 * ({@link DrawerService#holdDay}), so nothing is posted to a day after its close.
 */
@Service
class BusinessDayService implements BusinessDays {

    private final JdbcClient jdbc;
    private final DrawerSessionRepository sessions;
    private final Clock clock;
    private final DayLock dayLock;
    private final ApplicationEventPublisher events;

    BusinessDayService(JdbcClient jdbc, DrawerSessionRepository sessions, Clock clock, DayLock dayLock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.dayLock = dayLock;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public boolean isClosed(LocalDate date) {
        return jdbc.sql("SELECT COUNT(*) FROM business_day WHERE business_date = ? AND status = 'CLOSED'").param(date)
                .query(Long.class).single() > 0;
    }

    LocalDate requireOpen(LocalDate date) {
        if (isClosed(date)) {
            throw closed(date);
        }
        return date;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ClosedSession> close(LocalDate date, String user) {
        dayLock.holdForClose(); // lock 1 (docs/locking.md), exclusive: waits for the postings in flight
        int inserted;
        try {
            inserted = jdbc.sql("INSERT INTO business_day (business_date, status, closed_at, closed_by) VALUES (?, 'CLOSED', ?, ?)")
                    .params(date, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), user).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw closed(date);
        }
        if (inserted != 1) {
            throw closed(date);
        }
        List<DrawerSession> day = sessions.ofDay(date);
        List<String> open = day.stream().filter(s -> s.status() == DrawerSession.Status.OPEN).map(DrawerSession::drawerId).toList();
        if (!open.isEmpty()) {
            throw ProblemException.conflict("drawers-still-open", "Drawers still open",
                    "Close drawer(s) %s with a count before closing the business day %s.".formatted(open, date))
                    .with("openDrawers", open);
        }
        events.publishEvent(new BusinessDayClosed(date, user));
        return day.stream().map(s -> new ClosedSession(s.drawerId(), s.id().toString(), s.openedBy(), s.closedBy(),
                money(s.openingFloat(), s.currency()), money(s.expectedCash(), s.currency()),
                money(s.countedCash(), s.currency()), money(s.variance(), s.currency()), s.result(), s.approvedBy(),
                postingsByType(s))).toList();
    }

    private Map<String, Money> postingsByType(DrawerSession s) {
        Map<String, Money> totals = new TreeMap<>();
        jdbc.sql("SELECT type, tender, SUM(amount) FROM drawer_posting WHERE session_id = ? GROUP BY type, tender")
                .param(s.id())
                .query(rs -> {
                    String key = "TENDER".equals(rs.getString(1)) ? "TENDER_" + rs.getString(2) : rs.getString(1);
                    totals.put(key, money(rs.getBigDecimal(3), s.currency()));
                });
        return totals;
    }

    /** A stored amount (already in the currency's minor units, so never rounded here) as money; null stays null. */
    static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : Money.of(amount, Currency.getInstance(currency));
    }

    /** A stored amount as the drawer's documents write it ("12.30"); null stays null. */
    static String str(BigDecimal amount, String currency) {
        Money money = money(amount, currency);
        return money == null ? null : money.toString();
    }

    static ProblemException closed(LocalDate date) {
        return ProblemException.conflict("business-day-closed", "Business day closed",
                "The business day %s is closed (Z report taken); it accepts no more postings.".formatted(date));
    }
}
