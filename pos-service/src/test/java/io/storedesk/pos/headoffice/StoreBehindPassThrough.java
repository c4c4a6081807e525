package io.storedesk.pos.headoffice;

import java.io.IOException;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.HeadOfficeRelay;
import io.storedesk.pos.support.HeadOfficeNodes;
import io.storedesk.pos.support.Postgres;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gift-card tests' two nodes: head office on a fresh embedded PostgreSQL database ({@code ho<name>}), store S001
 * on its own H2 in this JVM reaching head office through a {@link HeadOfficeRelay} (which a test can take
 * down), drawer D1 open. Closing stops the store, head office and the pass-through.
 */
final class StoreBehindPassThrough implements AutoCloseable {

    final ConfigurableApplicationContext headOffice;
    final HeadOfficeRelay gateway;
    final ConfigurableApplicationContext store;
    final Api ho;
    final Api shop;

    private StoreBehindPassThrough(ConfigurableApplicationContext headOffice, HeadOfficeRelay gateway,
            ConfigurableApplicationContext store) {
        this.headOffice = headOffice;
        this.gateway = gateway;
        this.store = store;
        this.ho = new Api(HeadOfficeNodes.port(headOffice));
        this.shop = new Api(HeadOfficeNodes.port(store));
    }

    /** @param storeArgs more {@code --key=value} settings for the store */
    static StoreBehindPassThrough start(String name, String... storeArgs) throws IOException {
        ConfigurableApplicationContext headOffice = HeadOfficeNodes.start(name, Postgres.newDatabase("ho" + name));
        HeadOfficeRelay gateway = null;
        try {
            gateway = new HeadOfficeRelay(HeadOfficeNodes.port(headOffice));
            ConfigurableApplicationContext store = HeadOfficeNodes.startStore(name, gateway.url(), storeArgs);
            StoreBehindPassThrough nodes = new StoreBehindPassThrough(headOffice, gateway, store);
            nodes.shop.ensureOpen("D1");
            return nodes;
        } catch (IOException | RuntimeException e) {
            HeadOfficeNodes.stop(headOffice);
            if (gateway != null) {
                gateway.close();
            }
            throw e;
        }
    }

    JdbcClient hoDb() {
        return headOffice.getBean(JdbcClient.class);
    }

    JdbcClient shopDb() {
        return store.getBean(JdbcClient.class);
    }

    @Override
    public void close() {
        HeadOfficeNodes.stop(store, headOffice);
        gateway.close();
    }
}
