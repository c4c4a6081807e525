package io.storedesk.pos.report;

import java.time.LocalDate;

/** The store's sales reports, computed from the stored records on each call. */
public interface StoreReports {

    /** One business day. */
    DailyReport daily(LocalDate date);

    /** The business days {@code from}..{@code to} (both included), summed. */
    DailyReport range(LocalDate from, LocalDate to);
}
