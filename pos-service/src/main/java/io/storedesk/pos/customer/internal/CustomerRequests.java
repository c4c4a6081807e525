package io.storedesk.pos.customer.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the customer API, validated before anything else happens. */
final class CustomerRequests {

    static final String PHONE = "\\+?[0-9 ()./-]{3,40}";
    static final String CARD = "[A-Za-z0-9-]{1,40}";
    static final String LANGUAGE = "[a-z]{2,3}(-[A-Z]{2})?";

    private CustomerRequests() {
    }

    /**
     * A new customer. A phone or e-mail another customer already has is refused as a possible
     * duplicate (409) unless {@code allowDuplicate} confirms it is someone else.
     */
    record Create(@NotBlank @Size(max = 200) String name,
            @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Size(max = 254) @Email String email,
            @Size(max = 40) @Pattern(regexp = CARD, message = "must be letters, digits or '-'") String loyaltyCard,
            @Size(max = 10) @Pattern(regexp = LANGUAGE, message = "must be a language tag like lv or en-GB") String preferredLanguage,
            Boolean emailReceipts,
            Boolean marketing,
            Boolean allowDuplicate) {
    }

    /** Changes to a customer: a field left out (null) stays as it is; "" clears an optional one. */
    record Update(@Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            @Size(max = 40) @Pattern(regexp = "|" + PHONE, message = "must be a phone number") String phone,
            @Size(max = 254) @Email String email,
            @Size(max = 40) @Pattern(regexp = "|" + CARD, message = "must be letters, digits or '-'") String loyaltyCard,
            @Size(max = 10) @Pattern(regexp = "|" + LANGUAGE, message = "must be a language tag like lv or en-GB") String preferredLanguage,
            Boolean emailReceipts,
            Boolean marketing,
            Boolean allowDuplicate) {
    }

    /** Why a customer is erased (e.g. "request by e-mail of 2026-11-20"); journaled. */
    record Erase(@NotBlank @Size(max = 500) String reason) {
    }
}
