package io.storedesk.pos.common.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.ProblemTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Problems a clerk meets at the till read in the page's language and name the fix, not a key. */
class ProblemMessagesTests {

    /** The problem types a clerk can meet on the sale, returns and drawer pages. */
    static final List<String> TILL_PROBLEMS = List.of("unknown-item", "tenders-short", "drawer-not-open",
            "card-declined", "card-expired", "business-day-closed", "no-printer", "idempotency-key-reused",
            "validation-failed", "invalid-amount", "malformed-request", "approval-required", "approval-denied",
            "approval-locked", "self-approval", "unknown-coupon", "unknown-loyalty-card", "unknown-store-credit",
            "store-credit-insufficient", "loyalty-points-exceeded", "not-drawer-owner", "age-check-required",
            "under-age");

    final ProblemMessages messages = new ProblemMessages(bundles());

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void everyTillProblemHasATitleAndADetailInEachLanguageWithoutConfigurationKeysOrFieldNames() throws IOException {
        for (String lang : List.of("", "_lv", "_cs", "_ru")) {
            Properties bundle = load("messages" + lang + ".properties");
            for (String type : TILL_PROBLEMS) {
                for (String part : List.of("title", "detail")) {
                    String text = bundle.getProperty("problem." + type + "." + part);
                    assertThat(text).as(lang + " " + type + " " + part).isNotBlank();
                    assertThat(text).as(lang + " " + type).doesNotContain("pos.", "allowDuplicate", "Idempotency-Key",
                            "tenders[", "lines[", "pan:");
                }
            }
        }
    }

    @Test
    void aLatvianPageReadsTheShortfallInLatvianWithItsAmounts() {
        acceptLanguage("lv-LV,lv;q=0.9,en;q=0.5");
        ProblemDetail problem = localized(ProblemException.rule("tenders-short", "Tenders short",
                "The tenders do not cover the total: 11.09 is due, 0.00 was tendered.")
                .with("amountDue", "11.09").with("tendered", "0.00"));
        assertThat(problem.getTitle()).isEqualTo("Nepietiek samaksas");
        assertThat(problem.getDetail()).startsWith("Jāmaksā 11,09, bet saņemts tikai 0,00.");
    }

    @Test
    void russianAndCzechNameTheUnknownCode() {
        acceptLanguage("ru");
        assertThat(localized(ProblemException.rule("unknown-item", "Unknown item", "No item with SKU or barcode X.")
                .with("unknown", List.of("4750000000000"))).getDetail()).startsWith("Нет товара с кодом 4750000000000.");
        acceptLanguage("cs-CZ");
        assertThat(localized(ProblemException.rule("unknown-item", "Unknown item", "No item with SKU or barcode X.")
                .with("unknown", List.of("4750000000000"))).getDetail()).startsWith("Žádné zboží nemá kód 4750000000000.");
    }

    @Test
    void aScriptWithoutAcceptLanguageKeepsTheOperatorsSentenceAndAnUnknownLanguageGetsEnglish() {
        acceptLanguage(null);
        ProblemDetail kept = localized(ProblemException.rule("no-printer", "No printer",
                "Register R01 has no receipt printer configured (pos.printing.printers.R01)."));
        assertThat(kept.getDetail()).contains("pos.printing.printers.R01");
        acceptLanguage("de-DE");
        ProblemDetail english = localized(ProblemException.rule("no-printer", "No printer", "x"));
        assertThat(english.getTitle()).isEqualTo("No receipt printer");
        assertThat(english.getDetail()).contains("Receipt as PDF").doesNotContain("pos.");
    }

    private ProblemDetail localized(ProblemException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setType(ProblemTypes.uri(e.type()));
        body.setTitle(e.title());
        e.properties().forEach(body::setProperty);
        messages.localize(body, e.type());
        return body;
    }

    private static void acceptLanguage(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (header != null) {
            request.addHeader("Accept-Language", header);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = ProblemMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
