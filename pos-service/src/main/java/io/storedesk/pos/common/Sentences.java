package io.storedesk.pos.common;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sentences a clerk reads in an answer (not a problem), in the request's language: the pattern is the
 * bundles' {@code key}, {@code {name}} in it the value of that name, amounts in the language's number
 * format and a {@link Named} value as its display name (e.g. {@code exempt.reason.EXPORT}: "Export").
 * The language is the best of ours for the request's {@code Accept-Language}; a request without one (a
 * script) gets the English pattern with the raw codes and plain amounts, as problems keep their own
 * English sentence.
 */
@Component
public class Sentences {

    /** The languages the bundles are written in; the first is the fallback. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("lv"),
            Locale.forLanguageTag("cs"), Locale.forLanguageTag("ru"));

    private static final Pattern NAMED = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d+\\.\\d+");

    /** A sentence to say: its bundle key and the values its pattern names. */
    public record Sentence(String key, Map<String, Object> values) {
    }

    /** A code shown by its display name (bundle key {@code key}); the code itself where the bundles have none. */
    public record Named(String key, String code) {
        @Override
        public String toString() {
            return code;
        }
    }

    private final MessageSource messages;

    public Sentences(MessageSource messages) {
        this.messages = messages;
    }

    /** The sentence in the request's language (see the class). */
    public String say(Sentence sentence) {
        return say(sentence, requestLocale());
    }

    /** The sentences in the request's language. */
    public List<String> say(List<Sentence> sentences) {
        Locale locale = requestLocale();
        return sentences.stream().map(s -> say(s, locale)).toList();
    }

    /** The sentence in {@code locale}; null: English with raw codes and plain amounts (for logs and audit). */
    public String say(Sentence sentence, Locale locale) {
        String pattern = messages.getMessage(sentence.key(), null, sentence.key(), locale == null ? Locale.ENGLISH : locale);
        Matcher m = NAMED.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = sentence.values().get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : shown(value, locale)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A value as a sentence shows it in {@code locale} (null: as it is). */
    public String shown(Object value, Locale locale) {
        if (value instanceof Named named) {
            return locale == null ? named.code() : messages.getMessage(named.key(), null, named.code(), locale);
        }
        return format(value, locale);
    }

    /** A value in the language's number format where it is an amount; a collection joined by commas. */
    public static String format(Object value, Locale locale) {
        if (value instanceof Collection<?> values) {
            return String.join(", ", values.stream().map(v -> format(v, locale)).toList());
        }
        String text = String.valueOf(value);
        if (locale != null && AMOUNT.matcher(text).matches()) {
            BigDecimal amount = new BigDecimal(text);
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(amount.scale());
            format.setMaximumFractionDigits(amount.scale());
            return format.format(amount);
        }
        return text;
    }

    /** The best of our languages for the request's Accept-Language; null without one (or outside a request). */
    public static Locale requestLocale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return choose(attributes.getRequest());
        }
        return null;
    }

    /** The best of our languages for the request's Accept-Language; null without one. */
    public static Locale choose(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
            return best == null ? Locale.ENGLISH : best;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }
}
