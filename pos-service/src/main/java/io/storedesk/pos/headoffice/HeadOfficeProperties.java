package io.storedesk.pos.headoffice;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Head office ({@code pos.head-office.*}; read in the head-office role only).
 *
 * @param storeKeys store id -> the key that store presents in {@code X-Store-Key}
 * @param maxBatch  the most events one batch may carry
 * @param storeRegions store id -> its region: a store pulls the loyalty accounts homed at any store of its region
 * @param statistics when the once-per-cluster statistics job looks at the tables and when it analyses them
 */
@ConfigurationProperties("pos.head-office")
public record HeadOfficeProperties(Map<String, String> storeKeys, @DefaultValue("1000") int maxBatch,
        @DefaultValue Statistics statistics, Map<String, String> storeRegions) {

    public HeadOfficeProperties {
        storeKeys = storeKeys == null ? Map.of() : Map.copyOf(storeKeys);
        storeRegions = storeRegions == null ? Map.of() : Map.copyOf(storeRegions);
    }

    /**
     * @param interval how often one node of the cluster looks whether the head-office tables grew
     * @param minRows  the least number of rows changed in {@code ho_event} since its last analysis (or
     *                 a quarter of its rows, if more) that makes the job analyse the tables
     */
    public record Statistics(@DefaultValue("30s") Duration interval, @DefaultValue("5000") long minRows) {
    }
}
