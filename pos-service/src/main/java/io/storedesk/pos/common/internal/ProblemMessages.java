package io.storedesk.pos.common.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.storedesk.pos.common.Sentences;
import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Problems in the caller's language: {@code problem.<type>.title} and {@code problem.<type>.detail}
 * from the message bundles, in the language of the request's {@code Accept-Language} (English when
 * none of ours is asked for). A request without {@code Accept-Language} (a script) keeps the
 * problem's own English sentence, which may name ids and configuration for an operator. A detail names the fix in words a clerk knows; {@code {name}} in it is
 * the problem's property of that name (amounts in the language's number format). A type without
 * a translation keeps its English sentence. A problem with a {@code refused} property (what was refused, e.g.
 * training's {@code customer}) takes {@code problem.<type>.detail.<refused>} when the bundles have it, so one type
 * can say why for each thing it refuses.
 */
@Component
class ProblemMessages {

    private static final Pattern NAMED = Pattern.compile("\\{([A-Za-z]+)}");

    private final MessageSource messages;

    ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** Replaces the title and detail by the caller's language where the bundles have them. */
    void localize(ProblemDetail problem, String type) {
        Locale locale = requestLocale();
        if (locale == null) {
            return;
        }
        Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
        String title = text("problem." + type + ".title", locale, properties);
        String detail = properties.get("refused") instanceof String refused
                ? text("problem." + type + ".detail." + refused, locale, properties) : null;
        detail = detail != null ? detail : text("problem." + type + ".detail", locale, properties);
        if (title != null) {
            problem.setTitle(title);
        }
        if (detail != null) {
            problem.setDetail(detail);
        }
    }

    private String text(String code, Locale locale, Map<String, Object> properties) {
        String pattern = messages.getMessage(code, null, null, locale);
        if (pattern == null) {
            return null;
        }
        Matcher m = NAMED.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = "count".equals(name) && properties.get("errors") instanceof Collection<?> c ? c.size()
                    : properties.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : shown(value, locale)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String shown(Object value, Locale locale) {
        return Sentences.format(value, locale);
    }

    /** The best of our languages for the request's Accept-Language; null without one. */
    static Locale requestLocale() {
        return Sentences.requestLocale();
    }
}
