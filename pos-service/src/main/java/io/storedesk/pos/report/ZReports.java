package io.storedesk.pos.report;

import java.time.LocalDate;
import java.util.Optional;

/** Stored Z reports, read exactly as they were taken at the close (never recomputed). */
public interface ZReports {

    Optional<ZReport> find(long zNumber);

    Optional<ZReport> find(LocalDate businessDate);
}
