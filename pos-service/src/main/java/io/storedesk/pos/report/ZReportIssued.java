package io.storedesk.pos.report;

/** A business day was closed and its Z report taken; published in the close's transaction. */
public record ZReportIssued(ZReport report) {
}
