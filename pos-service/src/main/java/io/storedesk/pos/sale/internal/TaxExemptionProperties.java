package io.storedesk.pos.sale.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pos.tax-exemptions.*}: the reasons a sale may be sold tax-exempt, each with the legal
 * wording printed on its receipt and invoice per language ({@code en}, {@code lv}, {@code cs},
 * {@code ru}; the store's language is printed, English when it has none) and whether the customer's
 * document must be an EU VAT id ({@code vat-id: true}, e.g. for the reverse charge).
 *
 * @param reasons reason code -> its rules; the three defaults below when none are configured
 */
@ConfigurationProperties("pos.tax-exemptions")
record TaxExemptionProperties(Map<String, Reason> reasons) {

    TaxExemptionProperties {
        if (reasons == null || reasons.isEmpty()) {
            Map<String, Reason> defaults = new LinkedHashMap<>();
            defaults.put("EXPORT", new Reason(Map.of(
                    "en", "VAT 0 %: export of goods outside the EU (Article 146 of Council Directive 2006/112/EC)",
                    "lv", "PVN 0 %: preču eksports ārpus ES (Padomes Direktīvas 2006/112/EK 146. pants)",
                    "cs", "Osvobozeno od DPH: vývoz zboží mimo EU (§ 66 zákona č. 235/2004 Sb.)",
                    "ru", "НДС 0 %: экспорт товаров за пределы ЕС (ст. 146 Директивы Совета 2006/112/ЕС)"), false));
            defaults.put("DIPLOMATIC", new Reason(Map.of(
                    "en", "VAT exempt: supply to a diplomatic or consular mission (Article 151 of Council Directive 2006/112/EC)",
                    "lv", "Atbrīvots no PVN: piegāde diplomātiskajai vai konsulārajai pārstāvniecībai (Padomes Direktīvas 2006/112/EK 151. pants)",
                    "cs", "Osvobozeno od DPH: dodání zboží osobám požívajícím výsad a imunit (§ 70 zákona č. 235/2004 Sb.)",
                    "ru", "Освобождено от НДС: поставка дипломатическому или консульскому представительству (ст. 151 Директивы Совета 2006/112/ЕС)"), false));
            defaults.put("REVERSE_CHARGE", new Reason(Map.of(
                    "en", "Reverse charge: VAT to be accounted for by the customer (Article 196 of Council Directive 2006/112/EC)",
                    "lv", "Apgrieztā maksāšanas kārtība: PVN maksā pircējs (Padomes Direktīvas 2006/112/EK 196. pants)",
                    "cs", "Daň odvede zákazník (přenesení daňové povinnosti, § 92a zákona č. 235/2004 Sb.)",
                    "ru", "Обратное начисление: НДС уплачивает покупатель (ст. 196 Директивы Совета 2006/112/ЕС)"), true));
            reasons = defaults;
        }
        reasons.forEach((code, r) -> {
            if (r == null || r.wording() == null || r.wording().get("en") == null || r.wording().get("en").isBlank()) {
                throw new IllegalArgumentException("pos.tax-exemptions.reasons." + code + ".wording.en is required");
            }
        });
        reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    /**
     * @param wording language -> the legal sentence printed on the receipt and invoice
     * @param vatId   whether the customer's document must be an EU VAT id (reverse charge)
     */
    record Reason(Map<String, String> wording, boolean vatId) {

        Reason {
            wording = wording == null ? Map.of() : Map.copyOf(wording);
        }
    }
}
