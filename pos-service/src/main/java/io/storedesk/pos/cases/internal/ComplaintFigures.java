package io.storedesk.pos.cases.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.storedesk.pos.common.StoreProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaint figures for the desk and the reports: open ones by their clock (due today, overdue,
 * escalated) now, and those settled in a period (store days) with their settlement times.
 */
@Component
class ComplaintFigures {

    private final ComplaintStore complaints;
    private final StoreProperties store;
    private final Clock clock;

    ComplaintFigures(ComplaintStore complaints, StoreProperties store, Clock clock) {
        this.complaints = complaints;
        this.store = store;
        this.clock = clock;
    }

    /** Durations are ISO-8601; {@code settledLate}: settled after their legal deadline. */
    record Figures(LocalDate from, LocalDate to, long open, long dueToday, long overdue, long escalated,
            long settled, long settledLate, CaseFigures.Times settlementTime) {
    }

    @Transactional(readOnly = true)
    public Figures of(LocalDate from, LocalDate to) {
        LocalDate today = store.today(clock);
        OffsetDateTime start = store.startOf(from);
        OffsetDateTime end = store.startOf(to.plusDays(1));
        var settled = complaints.settledBetween(start, end);
        long late = settled.stream().filter(r -> r.late(store.zone())).count();
        var times = settled.stream().map(r -> java.time.Duration.between(r.receivedAt(), r.settledAt())).toList();
        return new Figures(from, to, complaints.count("status = 'OPEN'"),
                complaints.count("status = 'OPEN' AND due_date = ?", today),
                complaints.count("status = 'OPEN' AND due_date < ?", today),
                complaints.count("status = 'OPEN' AND escalated_at IS NOT NULL"), times.size(), late,
                CaseFigures.stats(times));
    }
}
