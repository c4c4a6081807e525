/**
 * The printing library the modules call to lay out and put out their own documents: the words every
 * printed document shares ({@link io.storedesk.pos.printing.documents.DocumentWords}: captions, tender,
 * department and user names, amounts, dates and the tax table in the store's language), the renderers
 * of the receipt library's neutral {@link io.storedesk.receipt.Receipt} model (PDF roll, ESC/POS), the
 * register printers, and the HTTP answers of a document ({@link io.storedesk.pos.printing.documents.DocumentOutput}).
 * A nested module of {@code printing} that knows no business module's views and depends only on common,
 * identity and catalog, and open (as {@code report.spi} is), so that the modules owning a document (sale,
 * returns, drawer, report) serve its route themselves without a dependency cycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Printed documents (library)",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = { "common", "identity", "catalog" })
package io.storedesk.pos.printing.documents;
