package io.storedesk.pos.sync.internal;

import java.time.Clock;
import java.util.Optional;

import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.loyalty.LoyaltyAccounts;
import io.storedesk.pos.promotion.Promotions;
import io.storedesk.pos.sync.SyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the sync worker when {@code pos.sync.head-office.url} is set and starts it once the
 * service is ready (after the promotion and loyalty seeds).
 */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SyncConfiguration.class);

    private final SyncProperties properties;
    private final SyncWorker worker;
    private final HeadOfficePull pull;
    private final HeadOfficeClient client;

    SyncConfiguration(SyncProperties properties, StoreProperties store, Outbox outbox, SyncState state,
            Promotions promotions, LoyaltyAccounts loyalty, TransactionTemplate tx, JsonMapper json, Clock clock,
            io.storedesk.pos.catalog.CatalogFeed catalog, HeadOfficeGiftCards giftCards) {
        this.properties = properties;
        if (properties.enabled()) {
            HeadOfficeClient client = new HeadOfficeClient(properties, store);
            this.client = client;
            HeadOfficePull pull = new HeadOfficePull(client, promotions, loyalty, state, tx, json, clock);
            pull.catalog(catalog, store.currency().getCurrencyCode());
            this.worker = new SyncWorker(properties, client, pull, outbox, state, loyalty, giftCards, tx, json, clock);
            this.pull = pull;
        } else {
            this.worker = null;
            this.pull = null;
            this.client = null;
        }
    }

    /** Online look-up of a card this store does not hold (false when the sync is off). */
    @org.springframework.context.annotation.Bean
    io.storedesk.pos.loyalty.RemoteLoyaltyCards remoteLoyaltyCards() {
        return card -> pull != null && pull.fetch(card);
    }

    /** Head office's stock of every store for one SKU, asked for online (unreachable when the sync is off). */
    @org.springframework.context.annotation.Bean
    io.storedesk.pos.stock.HeadOfficeStock headOfficeStock() {
        return sku -> {
            if (client == null) {
                throw new io.storedesk.pos.stock.HeadOfficeStock.Unreachable("no head office is configured", null);
            }
            try {
                String body = client.get("/api/ho/v1/stock/" + HeadOfficeClient.encode(sku), false);
                if (body == null) {
                    throw new io.storedesk.pos.stock.HeadOfficeStock.Unreachable("head office sent no answer", null);
                }
                return body;
            } catch (HeadOfficeClient.HeadOfficeException e) {
                throw new io.storedesk.pos.stock.HeadOfficeStock.Unreachable(e.getMessage(), e);
            }
        };
    }

    Optional<SyncWorker> worker() {
        return Optional.ofNullable(worker);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (worker == null) {
            log.info("Head-office sync off (pos.sync.head-office.url is empty); events stay in the outbox");
            return;
        }
        log.info("Head-office sync to {} every {}", properties.headOffice().url(), properties.pushInterval());
        worker.start();
    }


    @Override
    public void destroy() {
        if (worker != null) {
            worker.stop();
        }
    }
}
