package io.storedesk.pos.sale;

import java.util.Locale;

/** The legal wording of a tax exemption reason ({@code pos.tax-exemptions}) for a receipt or invoice. */
public interface TaxExemptionWording {

    /** The configured reason codes, in configuration order. */
    java.util.List<String> reasons();

    /** The sentence in {@code locale}'s language, English when it has none; the code itself when unknown. */
    String wording(String reason, Locale locale);
}
