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
 * @param maxConcurrentBatches the most store batches this node applies at once (below the connection pool,
 *                   so reads and jobs still get a connection); one more waits up to {@code admissionWait}, then
 *                   is refused 429 with {@code Retry-After}
 * @param admissionWait how long a batch may wait for a free place before the 429
 * @param retryAfter what the 429 tells the store to wait (whole seconds, at least 1)
 */
@ConfigurationProperties("pos.head-office")
public record HeadOfficeProperties(Map<String, String> storeKeys, @DefaultValue("1000") int maxBatch,
        @DefaultValue Statistics statistics, @DefaultValue("12") int maxConcurrentBatches,
        @DefaultValue("250ms") Duration admissionWait, @DefaultValue("2s") Duration retryAfter,
        Map<String, String> storeRegions) {

    public HeadOfficeProperties {
        storeKeys = storeKeys == null ? Map.of() : Map.copyOf(storeKeys);
        storeRegions = storeRegions == null ? Map.of() : Map.copyOf(storeRegions);
        if (maxConcurrentBatches < 0 || admissionWait.isNegative() || retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("pos.head-office: max-concurrent-batches must be >= 0, "
                    + "admission-wait >= 0 and retry-after at least 1s");
        }
    }

    /**
     * @param interval how often one node of the cluster looks whether the head-office tables grew
     * @param minRows  the least number of rows changed in {@code ho_event} since its last analysis (or
     *                 a quarter of its rows, if more) that makes the job analyse the tables
     */
    public record Statistics(@DefaultValue("30s") Duration interval, @DefaultValue("5000") long minRows) {
    }
}
