package io.storedesk.pos.headoffice;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Head office ({@code pos.head-office.*}; read in the head-office role only).
 *
 * @param storeKeys store id -> the key that store presents in {@code X-Store-Key}
 * @param maxBatch  the most events one batch may carry
 */
@ConfigurationProperties("pos.head-office")
public record HeadOfficeProperties(Map<String, String> storeKeys, @DefaultValue("1000") int maxBatch) {

    public HeadOfficeProperties {
        storeKeys = storeKeys == null ? Map.of() : Map.copyOf(storeKeys);
    }
}
