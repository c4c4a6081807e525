package io.storedesk.pos.customer.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises what customers are searched and matched by. */
final class SearchFold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

    private SearchFold() {
    }

    /** Lower case without accents: "Jānis Bērziņš" and "janis berzins" fold alike. */
    static String text(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    /** A phone number's digits, so "+371 2000-0001" and "37120000001" match; null when none. */
    static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = NOT_DIGIT.matcher(phone).replaceAll("");
        return digits.isEmpty() ? null : digits;
    }

    static String email(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** What the search looks in: name, e-mail, phone digits and card, folded. */
    static String searchText(String name, String phone, String email, String card) {
        return String.join(" ", text(name), email == null ? "" : email(email),
                phone(phone) == null ? "" : phone(phone), card == null ? "" : text(card)).trim();
    }
}
