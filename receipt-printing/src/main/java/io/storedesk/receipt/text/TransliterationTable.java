package io.storedesk.receipt.text;

import java.util.HashMap;
import java.util.Map;

/**
 * Explicit replacements for characters that Unicode decomposition cannot reduce to ASCII: Russian,
 * Ukrainian, Belarusian and Serbian Cyrillic (a readable BGN/PCGN-style romanisation), Latin letters
 * without a decomposition (ł, ß, æ, ø, đ, ...), typographic punctuation, and currency signs.
 */
final class TransliterationTable {

    private static final String[][] CYRILLIC_LOWER = {
        {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "yo"}, {"ж", "zh"},
        {"з", "z"}, {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"},
        {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"},
        {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"}, {"ъ", "\""}, {"ы", "y"}, {"ь", "'"}, {"э", "e"}, {"ю", "yu"},
        {"я", "ya"}, {"і", "i"}, {"ї", "yi"}, {"є", "ye"}, {"ґ", "g"}, {"ў", "u"}, {"ђ", "dj"}, {"ј", "j"},
        {"љ", "lj"}, {"њ", "nj"}, {"ћ", "c"}, {"џ", "dz"}, {"ѓ", "gj"}, {"ќ", "kj"}, {"ѕ", "dz"},
    };

    private static final String[][] OTHERS = {
        {"ł", "l"}, {"Ł", "L"}, {"ß", "ss"}, {"ẞ", "SS"}, {"æ", "ae"}, {"Æ", "AE"}, {"ø", "o"}, {"Ø", "O"},
        {"œ", "oe"}, {"Œ", "OE"}, {"đ", "d"}, {"Đ", "D"}, {"ð", "d"}, {"Ð", "D"}, {"þ", "th"}, {"Þ", "Th"},
        {"ħ", "h"}, {"Ħ", "H"}, {"ı", "i"}, {"ŧ", "t"}, {"Ŧ", "T"}, {"ŋ", "ng"}, {"Ŋ", "NG"},
        {"‘", "'"}, {"’", "'"}, {"‚", ","}, {"‛", "'"}, {"′", "'"}, {"“", "\""}, {"”", "\""}, {"„", "\""},
        {"‟", "\""}, {"″", "\""}, {"«", "\""}, {"»", "\""}, {"‹", "<"}, {"›", ">"}, {"‐", "-"}, {"‑", "-"},
        {"‒", "-"}, {"–", "-"}, {"—", "-"}, {"―", "-"}, {"−", "-"}, {"•", "*"}, {"·", "."}, {"…", "..."},
        {"×", "x"}, {"÷", ":"}, {"⁄", "/"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"₽", "RUB"},
        {"₴", "UAH"}, {"¢", "c"}, {"©", "(C)"}, {"®", "(R)"}, {"°", "o"}, {"±", "+/-"}, {"§", "S."},
        {"¶", "P."}, {"¦", "|"}, {"¬", "-"}, {"¤", "$"}, {"µ", "u"},
    };

    private TransliterationTable() {
    }

    static Map<Integer, String> entries() {
        Map<Integer, String> table = new HashMap<>(256);
        for (String[] pair : CYRILLIC_LOWER) {
            table.put(pair[0].codePointAt(0), pair[1]);
            String upper = pair[0].toUpperCase(java.util.Locale.ROOT);
            table.put(upper.codePointAt(0), capitalised(pair[1]));
        }
        for (String[] pair : OTHERS) {
            table.put(pair[0].codePointAt(0), pair[1]);
        }
        return Map.copyOf(table);
    }

    private static String capitalised(String latin) {
        return latin.isEmpty() || !Character.isLetter(latin.charAt(0))
                ? latin : Character.toUpperCase(latin.charAt(0)) + latin.substring(1);
    }
}
