package io.storedesk.receipt;

/**
 * What a printed document is. Sales documents carry item lines and totals; report documents
 * ({@link #DRAWER_CLOSE}, {@link #X_REPORT}, {@link #Z_REPORT}) carry generic label/value rows in
 * {@link Receipt#rows()} and usually no lines.
 */
public enum DocumentKind {
    SALE, RETURN, EXCHANGE, VOID, DRAWER_CLOSE, X_REPORT, Z_REPORT;

    /** Whether this kind is a drawer or shift report rather than a customer receipt. */
    public boolean isReport() {
        return this == DRAWER_CLOSE || this == X_REPORT || this == Z_REPORT;
    }
}
