package io.storedesk.pos.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Head-office sync ({@code pos.sync.*}).
 *
 * @param headOffice     where head office is and this store's key there; an empty URL = no sync
 *                       (the outbox is still recorded)
 * @param pushInterval   pause between push cycles while head office answers
 * @param pullInterval   pull promotion sets and loyalty snapshots at most this often (and on demand)
 * @param batchSize      events per POST (head office takes at most 1000)
 * @param connectTimeout connecting to head office
 * @param requestTimeout waiting for head office's answer to one request
 * @param maxBackoff     longest pause between attempts while head office fails (1 s, doubling)
 */
@ConfigurationProperties("pos.sync")
public record SyncProperties(
        HeadOffice headOffice,
        @DefaultValue("2s") Duration pushInterval,
        @DefaultValue("60s") Duration pullInterval,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("5m") Duration maxBackoff) {

    public SyncProperties {
        headOffice = headOffice == null ? new HeadOffice("", "") : headOffice;
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("pos.sync.batch-size must be 1..1000 (head office takes at most 1000)");
        }
    }

    /** Whether this store syncs at all. */
    public boolean enabled() {
        return !headOffice.url().isBlank();
    }

    /**
     * @param url base URL of head office, e.g. {@code https://ho.example:8443}; empty = no sync
     * @param key this store's key at head office (header {@code X-Store-Key})
     */
    public record HeadOffice(@DefaultValue("") String url, @DefaultValue("") String key) {

        public HeadOffice {
            url = url == null ? "" : url.strip();
            key = key == null ? "" : key;
            while (url.endsWith("/")) {
                url = url.substring(0, url.length() - 1);
            }
        }
    }
}
