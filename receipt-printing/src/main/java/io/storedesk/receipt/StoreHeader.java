package io.storedesk.receipt;

import java.util.List;
import java.util.Objects;

/**
 * The seller printed at the top of every document: store name, address lines and VAT number.
 *
 * @param name store or company name, printed large
 * @param addressLines address, one printed line each
 * @param vatNumber the seller's VAT registration number, or {@code null} if none is printed
 */
public record StoreHeader(String name, List<String> addressLines, String vatNumber) {

    public StoreHeader {
        Objects.requireNonNull(name, "name");
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }
}
