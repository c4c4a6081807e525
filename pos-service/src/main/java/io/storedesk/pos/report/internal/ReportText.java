package io.storedesk.pos.report.internal;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.storedesk.pos.printing.documents.DocumentWords;
import io.storedesk.pos.report.spi.ReportSection;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words and number formats of the A4 report in the store's language ({@code pos.store.locale}):
 * captions {@code report.*} from the printed documents' bundles ({@code printing/captions*.properties}),
 * return reasons from the messages ({@code reason.*}), and percentages and durations. What every printed
 * document shares (cash-movement captions, tender, department and user names, amounts, dates, the tax
 * table with the receipts' letters) comes from the printing library's {@link DocumentWords}. The CSV and
 * JSON keep codes and plain numbers.
 */
@Component
class ReportText implements ReportSection.Words {

    private final Locale locale;
    private final DocumentWords words;
    private final MessageSource messages;

    ReportText(DocumentWords words, MessageSource messages) {
        this.locale = words.locale();
        this.words = words;
        this.messages = messages;
    }

    /** The caption {@code report.<key>} with its arguments filled in. */
    @Override
    public String text(String key, Object... args) {
        String pattern = words.captionOr("report." + key, key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A caption shared with the printed drawer documents (paidIn, safeDrops ...), or the key itself. */
    String caption(String key) {
        return words.caption(key);
    }

    /** A stored amount ("12.30") as the receipts print it ("12,30" in Latvian); blank stays blank. */
    String amount(String amount) {
        return words.money(amount);
    }

    /** As {@link #amount} for a section's line: an unknown amount is "-". */
    @Override
    public String money(String amount) {
        return amount == null || amount.isBlank() ? "-" : amount(amount);
    }

    /** A ratio ("0.2383") as a percentage with one decimal in the store's locale ("23,8%", "23,8 %"). */
    String ratio(String ratio) {
        if (ratio == null || ratio.isBlank()) {
            return "";
        }
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        percent.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return percent.format(new BigDecimal(ratio));
    }

    @Override
    public String percent(String ratio) {
        return ratio == null || ratio.isBlank() ? "-" : ratio(ratio);
    }

    /** A business date as the store writes it ("06.12.2026" in Latvian, "6. 12. 2026" in Czech). */
    @Override
    public String date(LocalDate date) {
        return words.date(date);
    }

    @Override
    public String duration(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long minutes = duration.toMinutes();
        return text("duration", minutes / 60, "%02d".formatted(minutes % 60));
    }

    @Override
    public String term(String prefix, String code) {
        return messages.getMessage(prefix + "." + code, null, code, locale);
    }

    String tender(String type) {
        return words.tender(type);
    }

    String department(String code) {
        return words.department(code);
    }

    /** A return reason code by its name in the store's language ("Bojāta prece"); an unknown code as is. */
    String returnReason(String code) {
        return term("reason", code);
    }

    /** A user as a manager knows them: "Anna Bērziņa (clerk)"; the bare name when none is configured. */
    @Override
    public String user(String name) {
        return words.user(name);
    }

    /** Entries re-keyed by display name, in the store language's alphabetical order (amounts summed on a clash). */
    Map<String, String> named(Map<String, String> byCode, UnaryOperator<String> name) {
        return words.named(byCode, name);
    }

    /** One line of the tax table: "A 21%" and the net, tax and gross as printed. */
    record TaxLine(String letter, BigDecimal rate, String label, String net, String tax, String gross) {
    }

    /** The tax table as the receipts print it ({@link DocumentWords#taxRates}), each rate labelled "A 21%". */
    List<TaxLine> taxLines(Map<String, Map<String, String>> byRate) {
        return words.taxRates(byRate).stream()
                .map(t -> new TaxLine(t.letter(), t.rate(),
                        (t.letter().isEmpty() ? "" : t.letter() + " ") + words.format().percent(t.rate()),
                        amount(t.net()), amount(t.tax()), amount(t.gross())))
                .toList();
    }
}
