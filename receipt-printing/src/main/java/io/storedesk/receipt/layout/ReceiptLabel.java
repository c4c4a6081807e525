package io.storedesk.receipt.layout;

/**
 * The captions printed on documents, each with its key in the {@code labels*.properties} bundles.
 * Document titles are looked up separately by {@link io.storedesk.receipt.DocumentKind}.
 */
public enum ReceiptLabel {
    COPY("copy"), GIFT("gift"), INVOICE("invoice"), INVOICE_NUMBER("invoiceNumber"), NUMBER("number"), DOCUMENT_NUMBER("documentNumber"), DATE("date"), REGISTER("register"),
    CLERK("clerk"), VAT_NUMBER("vatNumber"), BUYER("buyer"), BUYER_VAT_ID("buyerVatId"), DISCOUNT("discount"),
    SUBTOTAL("subtotal"), DISCOUNT_TOTAL("discountTotal"), CASH_ROUNDING("cashRounding"), TOTAL("total"),
    TOTAL_PAID("totalPaid"), CHANGE("change"), CARD("card"), AUTH_CODE("authCode"), TAX_RATE("taxRate"),
    NET("net"), TAX("tax"), GROSS("gross"), POINTS_EARNED("pointsEarned"), POINTS_BALANCE("pointsBalance"),
    QUANTITY("quantity"), DESCRIPTION("description"), UNIT_PRICE("unitPrice"), AMOUNT("amount"), PAGE("page");

    private final String key;

    ReceiptLabel(String key) {
        this.key = key;
    }

    /** Key in the properties bundle. */
    public String key() {
        return key;
    }
}
