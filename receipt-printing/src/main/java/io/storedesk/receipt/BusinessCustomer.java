package io.storedesk.receipt;

import java.util.List;
import java.util.Objects;

/**
 * The buyer of an invoice: a company with its VAT identification number.
 *
 * @param companyName registered name
 * @param vatId the buyer's VAT identification number
 * @param addressLines address, one printed line each
 */
public record BusinessCustomer(String companyName, String vatId, List<String> addressLines) {

    public BusinessCustomer {
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(vatId, "vatId");
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }
}
