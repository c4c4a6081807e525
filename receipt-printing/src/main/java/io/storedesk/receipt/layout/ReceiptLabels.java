package io.storedesk.receipt.layout;

import io.storedesk.receipt.DocumentKind;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Printed captions in the receipt's language, read from the {@code labels} resource bundle next to
 * this class (English base, Latvian, Czech and Russian translations). Lookup never falls back to the
 * JVM's default locale, so a server running in one language prints each store's receipts in the
 * store's own. Instances are immutable and cached per locale.
 */
public final class ReceiptLabels {

    private static final String BUNDLE = "io.storedesk.receipt.layout.labels";
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<Locale, ReceiptLabels> CACHE = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;

    private ReceiptLabels(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** Captions for the locale's language, English where no translation exists. */
    public static ReceiptLabels forLocale(Locale locale) {
        return CACHE.computeIfAbsent(locale,
                l -> new ReceiptLabels(ResourceBundle.getBundle(BUNDLE, l, NO_DEFAULT_LOCALE_FALLBACK)));
    }

    /** The caption for a label. */
    public String get(ReceiptLabel label) {
        return bundle.getString(label.key());
    }

    /** The title printed for a kind of document. */
    public String title(DocumentKind kind) {
        return bundle.getString("kind." + kind.name());
    }
}
