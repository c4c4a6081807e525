package io.storedesk.receipt.escpos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The code pages a printer model offers, with the {@code ESC t n} number of each, and the rule for
 * choosing one per receipt: the page that can print the most characters of the receipt's text wins;
 * on a tie (e.g. plain ASCII) the page preferred for the receipt's language, then the first page.
 *
 * <p>{@link #epsonDefaults()} uses the numbers of Epson TM-series printers: 51 = WPC1257 (Baltic,
 * for Latvian and Lithuanian), 18 = PC852 (Latin 2, for Czech and other Central European
 * languages), 17 = PC866 (Cyrillic #2, for Russian), 16 = WPC1252 (Western European). Other brands
 * number their tables differently; adjust with {@link #withNumber(String, int)}.
 */
public final class CodePageTable {

    private static final Map<String, String> PREFERRED_BY_LANGUAGE = Map.ofEntries(
            Map.entry("lv", "Cp1257"), Map.entry("lt", "Cp1257"), Map.entry("et", "Cp1257"),
            Map.entry("cs", "IBM852"), Map.entry("sk", "IBM852"), Map.entry("pl", "IBM852"),
            Map.entry("hu", "IBM852"), Map.entry("sl", "IBM852"), Map.entry("hr", "IBM852"),
            Map.entry("ru", "IBM866"), Map.entry("uk", "IBM866"), Map.entry("be", "IBM866"),
            Map.entry("bg", "IBM866"));

    private final List<CodePage> pages;

    /** A table of pages in tie-breaking order; at least one page. */
    public CodePageTable(List<CodePage> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a code page table needs at least one page");
        }
        this.pages = List.copyOf(pages);
    }

    /** Epson TM-series numbering: Cp1257 = 51, IBM852 = 18, IBM866 = 17, Cp1252 = 16. */
    public static CodePageTable epsonDefaults() {
        return Defaults.EPSON;
    }

    /** The same table with another {@code ESC t} number for one charset. */
    public CodePageTable withNumber(String charsetName, int escPosNumber) {
        List<CodePage> changed = new ArrayList<>(pages.size());
        boolean found = false;
        for (CodePage page : pages) {
            boolean match = page.charsetName().equalsIgnoreCase(charsetName);
            found |= match;
            changed.add(match ? CodePage.of(page.charsetName(), escPosNumber) : page);
        }
        if (!found) {
            throw new IllegalArgumentException("No code page " + charsetName + " in " + pages);
        }
        return new CodePageTable(changed);
    }

    /** The pages, in tie-breaking order. */
    public List<CodePage> pages() {
        return pages;
    }

    /**
     * The page that prints the most of {@code text}; ties go to the language's page, then the first.
     * ASCII is left out of the count: every page prints it.
     */
    public CodePage choose(CharSequence text, Locale locale) {
        int[] counts = new int[pages.size()];
        for (int p = 0; p < counts.length; p++) {
            CodePage page = pages.get(p);
            int count = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80 && page.canEncode(c)) {
                    count++;
                }
            }
            counts[p] = count;
        }
        int best = preferredIndex(Objects.requireNonNull(locale, "locale"));
        for (int p = 0; p < counts.length; p++) {
            if (counts[p] > counts[best]) {
                best = p;
            }
        }
        return pages.get(best);
    }

    private int preferredIndex(Locale locale) {
        String charset = PREFERRED_BY_LANGUAGE.get(locale.getLanguage());
        for (int p = 0; charset != null && p < pages.size(); p++) {
            if (pages.get(p).charsetName().equalsIgnoreCase(charset)) {
                return p;
            }
        }
        return 0;
    }

    private static final class Defaults {
        static final CodePageTable EPSON = new CodePageTable(List.of(
                CodePage.of("Cp1257", 51), CodePage.of("IBM852", 18), CodePage.of("IBM866", 17),
                CodePage.of("Cp1252", 16)));
    }
}
