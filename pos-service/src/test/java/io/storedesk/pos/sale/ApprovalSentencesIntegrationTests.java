package io.storedesk.pos.sale;

import java.util.List;
import java.util.Map;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why a quote needs a manager, in the page's language (issues 23 and 24): a clerk (limit 10 %) quotes
 * EL-2001 at 19.90 with 25 % off (4.98, so 25.03 %) and EL-2002 at 49.00 with 60 % off (below its 50 % floor of 24.50),
 * sold tax-exempt for export. The sale page shows {@code approvalNeeded} in its approval box as it
 * comes, so every sentence is in the request's Accept-Language, amounts in its number format and the
 * exemption by its reason's name; a script (no Accept-Language) keeps the English with the code.
 */
class ApprovalSentencesIntegrationTests extends IntegrationTest {

    private static final String BASKET = """
            {"lines":[{"sku":"EL-2001","quantity":1,"discount":{"percent":"25","reason":"DAMAGED"}},
                      {"sku":"EL-2002","quantity":1,"discount":{"percent":"60","reason":"DAMAGED"}}],
             "taxExemption":{"reason":"EXPORT","document":"UA FX 123456"}}""";

    @BeforeEach
    void openDrawer() {
        ensureOpen("D1");
    }

    private List<String> approvalNeeded(Map<String, String> headers) {
        Api.Response r = api.post("/api/v1/sales/quote", "clerk", BASKET, headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("approvalNeeded").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void theQuoteSaysWhyAManagerMustApproveInThePagesLanguage() {
        assertThat(approvalNeeded(Map.of("Accept-Language", "en"))).containsExactly(
                "discount on line 1 (25.03 %) beyond the limit of 10 %",
                "discount on line 2 (60 %) beyond the limit of 10 %",
                "line 2 at 19.60 below its floor of 24.50",
                "tax-exempt sale (Export)");
        assertThat(approvalNeeded(Map.of("Accept-Language", "lv-LV,lv;q=0.9"))).containsExactly(
                "atlaide 1. rindā (25,03 %) pārsniedz jūsu robežu 10 %",
                "atlaide 2. rindā (60 %) pārsniedz jūsu robežu 10 %",
                "2. rinda par 19,60 ir zem minimālās cenas 24,50",
                "pārdošana bez PVN (Eksports)");
        assertThat(approvalNeeded(Map.of("Accept-Language", "cs"))).containsExactly(
                "sleva na řádku 1 (25,03 %) přesahuje váš limit 10 %",
                "sleva na řádku 2 (60 %) přesahuje váš limit 10 %",
                "řádek 2 za 19,60 je pod minimální cenou 24,50",
                "prodej bez DPH (Vývoz)");
        assertThat(approvalNeeded(Map.of("Accept-Language", "ru"))).containsExactly(
                "скидка в строке 1 (25,03 %) превышает ваш лимит 10 %",
                "скидка в строке 2 (60 %) превышает ваш лимит 10 %",
                "строка 2 за 19,60 ниже минимальной цены 24,50",
                "продажа без НДС (Экспорт)");
    }

    @Test
    void aScriptWithoutAcceptLanguageGetsTheEnglishSentencesWithTheCodes() {
        assertThat(approvalNeeded(Map.of())).containsExactly(
                "discount on line 1 (25.03 %) beyond the limit of 10 %",
                "discount on line 2 (60 %) beyond the limit of 10 %",
                "line 2 at 19.60 below its floor of 24.50",
                "tax-exempt sale (EXPORT)");
    }

    @Test
    void aSaleRefusedForWantOfApprovalNamesWhatNeedsItInThePagesLanguage() {
        Api.Response r = api.post("/api/v1/sales", "clerk", """
                {"drawerId":"D1","lines":[{"sku":"EL-2002","quantity":1,"discount":{"percent":"60","reason":"DAMAGED"}}],
                 "tenders":[{"type":"CASH","amount":"20.00"}]}""", Map.of("Accept-Language", "lv"));

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.text("type")).endsWith("/problems/discount-needs-approval");
        assertThat(r.json().get("needs").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "atlaide 1. rindā (60 %) pārsniedz jūsu robežu 10 %",
                "1. rinda par 19,60 ir zem minimālās cenas 24,50");
    }
}
