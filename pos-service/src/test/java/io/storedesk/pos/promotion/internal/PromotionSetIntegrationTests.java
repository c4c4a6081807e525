package io.storedesk.pos.promotion.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.promotion.Promotion;
import io.storedesk.pos.promotion.PromotionSet;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Installing promotion sets as head-office sync will: a new version is stored and used at once,
 * an old version or a set with duplicate codes is refused, and after a restart the last stored
 * set is used instead of the seed.
 */
class PromotionSetIntegrationTests extends IntegrationTest {

    @Autowired
    PromotionService promotions;
    @Autowired
    PromotionSetStore store;
    @Autowired
    StoreProperties storeProperties;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Journal journal;
    @Autowired
    Clock clock;
    @Autowired
    io.storedesk.pos.common.ClusterLocks locks;

    /** The seed's promotions plus one on gift bags, which no other test sells. */
    private List<Promotion> seedPlusGiftBags() {
        List<Promotion> set = new ArrayList<>(promotions.current().promotions());
        set.removeIf(p -> p.code().equals("TEST-MAISINS"));
        set.add(Promotion.amountOff("TEST-MAISINS", "Dāvanu maisiņš -0.10", Promotion.Scope.ITEM, Set.of("GC-9002"),
                "0.10"));
        return set;
    }

    @Test
    void aNewVersionIsStoredUsedAtOnceAndSurvivesARestart() {
        long next = promotions.current().version() + 1;

        PromotionSet installed = promotions.install(next, "head-office", seedPlusGiftBags());

        assertThat(promotions.current().version()).isEqualTo(next);
        var quote = api.post("/api/v1/sales/quote", "clerk", "{\"lines\":[{\"sku\":\"GC-9002\",\"quantity\":2}]}");
        assertThat(quote.json().get("promotions").get(0).get("code").asString()).isEqualTo("TEST-MAISINS");
        assertThat(quote.json().get("total").asString()).isEqualTo("0.50");
        assertThat(api.get("/api/v1/promotions", "clerk").json().get("version").asLong()).isEqualTo(next);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'PROMOTION_SET_INSTALLED' AND reference = ?")
                .param("promotions-v" + next).query(Long.class).single()).isEqualTo(1);

        // a restart: a new service over the same database loads the stored set, and the seed does not load again
        PromotionService restarted = new PromotionService(store, storeProperties, tx, journal, clock);
        new PromotionSeed(restarted, new PromotionProperties("config/seed/promotions.json"), tx, locks).loadOrSeed();
        assertThat(restarted.current().version()).isEqualTo(next);
        assertThat(restarted.current().promotions()).containsExactlyInAnyOrderElementsOf(installed.promotions());
        assertThat(restarted.current().source()).isEqualTo("head-office");
    }

    @Test
    void anOutdatedVersionIsRefused() {
        long current = promotions.current().version();

        assertThatThrownBy(() -> promotions.install(current, "head-office", List.of()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).contains("not above"));
        assertThat(promotions.current().version()).isEqualTo(current);
    }

    @Test
    void aSetWithTwoPromotionsOfOneCodeIsRefused() {
        long current = promotions.current().version();
        Promotion p = Promotion.percentOff("TWICE", "x", Promotion.Scope.BASKET, Set.of(), "5");

        assertThatThrownBy(() -> promotions.install(current + 1, "head-office", List.of(p, p)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("TWICE");
        assertThat(promotions.current().version()).isEqualTo(current);
    }
}
