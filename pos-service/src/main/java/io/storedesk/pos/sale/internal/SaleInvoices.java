package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.sale.SaleReceipts;
import io.storedesk.pos.sale.SaleStatus;
import io.storedesk.pos.sale.SaleView;
import io.storedesk.receipt.BusinessCustomer;
import io.storedesk.receipt.Receipt;
import io.storedesk.receipt.ReceiptBuilder;
import io.storedesk.receipt.ReceiptLine;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A4 invoices for business customers. A sale gets at most one invoice, numbered with the sale's
 * receipt number (so invoice numbers are gapless per register like receipts) and issued to one
 * buyer, which is stored and journaled; asking again for the same buyer gives the same invoice
 * marked COPY, asking for another buyer is refused. Lines show net, VAT and gross each, as the sale
 * computed them.
 */
@Service
class SaleInvoices {

    private final JdbcClient jdbc;
    private final Journal journal;
    private final SaleReceipts receipts;
    private final Clock clock;

    SaleInvoices(JdbcClient jdbc, Journal journal, SaleReceipts receipts, Clock clock) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.receipts = receipts;
        this.clock = clock;
    }

    record Issued(String invoiceNumber, String companyName, String vatId, String address, OffsetDateTime issuedAt,
            String issuedBy) {
    }

    /** The invoice document; {@code copy} when this buyer's invoice had been issued before. */
    record Invoice(Receipt document, boolean copy) {
    }

    /** Issues the sale's invoice to this buyer, or reprints it when it was issued to the same buyer before. */
    @Transactional
    public Invoice issue(SaleView sale, String companyName, String vatId, String address, String user) {
        if (sale.saleStatus() == SaleStatus.VOIDED) {
            throw ProblemException.conflict("sale-voided", "Sale voided",
                    "Sale %s was voided; it cannot be invoiced.".formatted(sale.receiptNumber()));
        }
        Optional<Issued> earlier = find(sale.receiptNumber());
        if (earlier.isEmpty()) {
            OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
            try {
                jdbc.sql("INSERT INTO sale_invoice (receipt_number, invoice_number, company_name, vat_id, address, "
                                + "issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(sale.receiptNumber(), sale.receiptNumber(), companyName, vatId, address, now, user)
                        .update();
            } catch (DuplicateKeyException raced) {
                return issue(sale, companyName, vatId, address, user);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("invoiceNumber", sale.receiptNumber());
            entry.put("receiptNumber", sale.receiptNumber());
            entry.put("companyName", companyName);
            entry.put("vatId", vatId);
            entry.put("total", sale.total());
            journal.append(sale.registerId(), "INVOICE_ISSUED", user, sale.receiptNumber(), entry);
            Issued issued = new Issued(sale.receiptNumber(), companyName, vatId, address, now, user);
            return new Invoice(document(sale, issued, false), false);
        }
        Issued issued = earlier.get();
        if (!issued.companyName().equals(companyName) || !issued.vatId().equalsIgnoreCase(vatId)) {
            throw ProblemException.conflict("invoice-already-issued", "Invoice already issued",
                    "Sale %s was already invoiced to %s (%s); one sale gets one invoice."
                            .formatted(sale.receiptNumber(), issued.companyName(), issued.vatId()))
                    .with("invoiceNumber", issued.invoiceNumber());
        }
        return new Invoice(document(sale, issued, true), true);
    }

    /**
     * The invoice of a training sale (ADR 0005): the same layout, numbered with the training sale's {@code TRN-}
     * number and marked "TRAINING - NOT A RECEIPT" top and bottom (the training receipt's header and footer); nothing
     * is stored or journaled, so no real invoice number is taken and asking again gives it again.
     */
    public Receipt training(SaleView sale, String companyName, String vatId, String address, String user) {
        if (!sale.receiptNumber().startsWith(io.storedesk.pos.sale.TrainingTill.PREFIX)) {
            throw new IllegalArgumentException("not a training sale: " + sale.receiptNumber());
        }
        if (sale.saleStatus() == SaleStatus.VOIDED) {
            throw ProblemException.conflict("sale-voided", "Sale voided",
                    "Sale %s was voided; it cannot be invoiced.".formatted(sale.receiptNumber()));
        }
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        return document(sale, new Issued(sale.receiptNumber(), companyName, vatId, address, now, user), false);
    }

    /** The issued invoice as a marked copy; 404 when the sale has none. */
    @Transactional(readOnly = true)
    public Receipt reprint(SaleView sale) {
        Issued issued = find(sale.receiptNumber())
                .orElseThrow(() -> ProblemException.notFound("Invoice", sale.receiptNumber()));
        return document(sale, issued, true);
    }

    private Optional<Issued> find(String receiptNumber) {
        return jdbc.sql("SELECT invoice_number, company_name, vat_id, address, issued_at, issued_by FROM sale_invoice "
                        + "WHERE receipt_number = ?")
                .param(receiptNumber)
                .query((rs, n) -> new Issued(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
                .optional();
    }

    private Receipt document(SaleView sale, Issued issued, boolean copy) {
        Receipt receipt = receipts.of(sale, copy, false);
        List<String> address = issued.address() == null ? List.of()
                : Arrays.stream(issued.address().split("\\s*[,\\n]\\s*")).filter(s -> !s.isBlank()).toList();
        ReceiptBuilder b = Receipt.builder()
                .store(receipt.store())
                .register(receipt.registerId())
                .clerk(receipt.clerk())
                .issuedAt(receipt.issuedAt())
                .number(issued.invoiceNumber())
                .kind(receipt.kind())
                .copy(copy)
                .customer(new BusinessCustomer(issued.companyName(), issued.vatId(), address))
                .totals(receipt.totals())
                .change(receipt.change())
                .currency(receipt.currency())
                .locale(receipt.locale())
                .barcode(receipt.barcode())
                .footer(receipt.footerLines().toArray(String[]::new));
        for (SaleView.Line l : sale.lines()) {
            b.line(new ReceiptLine(l.name(), BigDecimal.valueOf(l.quantity()), new BigDecimal(l.unitPrice()),
                    new BigDecimal(l.discount()), new BigDecimal(l.net()), l.taxLetter(), new BigDecimal(l.tax())));
        }
        receipt.promotions().forEach(p -> b.promotion(p.description(), p.amount()));
        receipt.taxes().forEach(b::tax);
        receipt.tenders().forEach(b::tender);
        return b.build();
    }
}
