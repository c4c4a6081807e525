package io.storedesk.pos.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.storedesk.pos.common.StoreProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Response and resolution times of the cases opened in a period (store days): how long from
 * opening to the first staff action, and to resolution. Counts only, no personal data.
 */
@Component
class CaseFigures {

    private final CaseStore cases;
    private final StoreProperties store;
    private final Clock clock;

    CaseFigures(CaseStore cases, StoreProperties store, Clock clock) {
        this.cases = cases;
        this.store = store;
        this.clock = clock;
    }

    /** Durations are ISO-8601 ("PT12M30S"); null when nothing was measured. */
    record Figures(LocalDate from, LocalDate to, long opened, long responded, long resolved, long active,
            long followUpsDueToday, Times responseTime, Times resolutionTime) {
    }

    record Times(long count, String average, String median, String longest) {
    }

    @Transactional(readOnly = true)
    public Figures of(LocalDate from, LocalDate to) {
        OffsetDateTime start = store.startOf(from);
        OffsetDateTime end = store.startOf(to.plusDays(1));
        List<Duration> response = new ArrayList<>();
        List<Duration> resolution = new ArrayList<>();
        List<OffsetDateTime[]> times = cases.times(start, end);
        for (OffsetDateTime[] t : times) {
            if (t[1] != null) {
                response.add(Duration.between(t[0], t[1]));
            }
            if (t[2] != null) {
                resolution.add(Duration.between(t[0], t[2]));
            }
        }
        long active = cases.count("status IN ('OPEN', 'IN_PROGRESS', 'ESCALATED')");
        long due = cases.count("status IN ('OPEN', 'IN_PROGRESS', 'ESCALATED') AND follow_up_due <= ?",
                store.today(clock));
        return new Figures(from, to, times.size(), response.size(), resolution.size(), active, due, stats(response),
                stats(resolution));
    }

    static Times stats(List<Duration> durations) {
        if (durations.isEmpty()) {
            return new Times(0, null, null, null);
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        Duration sum = sorted.stream().reduce(Duration.ZERO, Duration::plus);
        int n = sorted.size();
        Duration median = n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        return new Times(n, seconds(sum.dividedBy(n)), seconds(median), seconds(sorted.get(n - 1)));
    }

    private static String seconds(Duration d) {
        return Duration.ofSeconds(d.getSeconds()).toString();
    }
}
