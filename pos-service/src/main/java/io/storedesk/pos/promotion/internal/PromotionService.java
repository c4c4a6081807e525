package io.storedesk.pos.promotion.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.promotion.Promotion;
import io.storedesk.pos.promotion.PromotionBasket;
import io.storedesk.pos.promotion.PromotionEngine;
import io.storedesk.pos.promotion.PromotionOutcome;
import io.storedesk.pos.promotion.PromotionSet;
import io.storedesk.pos.promotion.Promotions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the installed promotion set and its engine (rebuilt once per version, swapped
 * atomically); installing stores the set first, so the last set survives restarts.
 */
@Service
class PromotionService implements Promotions {

    private static final Logger log = LoggerFactory.getLogger(PromotionService.class);

    private final PromotionSetStore store;
    private final StoreProperties storeProperties;
    private final TransactionTemplate tx;
    private final Journal journal;
    private final Clock clock;
    private volatile Installed installed;

    PromotionService(PromotionSetStore store, StoreProperties storeProperties, TransactionTemplate tx, Journal journal,
            Clock clock) {
        this.store = store;
        this.storeProperties = storeProperties;
        this.tx = tx;
        this.journal = journal;
        this.clock = clock;
        use(new PromotionSet(0, "none", clock.instant(), List.of()));
    }

    private record Installed(PromotionSet set, PromotionEngine engine) {
    }

    private void use(PromotionSet set) {
        installed = new Installed(set, PromotionEngine.of(set, storeProperties.currency()));
    }

    /** Loads the last stored set; true if there was one. */
    boolean loadStored() {
        return store.latest().map(set -> {
            use(set);
            log.info("Promotion set version {} ({} promotions, from {})", set.version(), set.promotions().size(),
                    set.source());
            return true;
        }).orElse(false);
    }

    @Override
    public PromotionSet current() {
        return installed.set();
    }

    @Override
    public synchronized PromotionSet install(long version, String source, List<Promotion> promotions) {
        java.util.Objects.requireNonNull(source, "source");
        Set<String> codes = new HashSet<>();
        for (Promotion p : promotions) {
            if (!codes.add(p.code())) {
                throw ProblemException.rule("invalid-promotion-set", "Invalid promotion set",
                        "Promotion code %s appears twice.".formatted(p.code()));
            }
        }
        PromotionSet set = new PromotionSet(version, source, clock.instant(), promotions);
        PromotionEngine engine = PromotionEngine.of(set, storeProperties.currency());
        tx.executeWithoutResult(s -> {
            long latest = store.latestVersion();
            if (version <= latest) {
                throw ProblemException.conflict("promotion-set-outdated", "Promotion set outdated",
                        "Version %d is not above the installed version %d.".formatted(version, latest));
            }
            store.insert(set);
            journal.append(Journal.STORE_CHAIN, "PROMOTION_SET_INSTALLED", "system", "promotions-v" + version,
                    Map.of("version", version, "source", source, "promotions", promotions.size()));
        });
        installed = new Installed(set, engine);
        log.info("Installed promotion set version {} ({} promotions, from {})", version, promotions.size(), source);
        return set;
    }

    @Override
    public List<Promotion> activeNow() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(storeProperties.zone()));
        return installed.set().promotions().stream().filter(p -> p.runsAt(now))
                .sorted(java.util.Comparator.comparingInt(Promotion::priority).reversed()
                        .thenComparing(Promotion::code))
                .toList();
    }

    @Override
    public PromotionOutcome apply(PromotionBasket basket) {
        PromotionEngine engine = installed.engine();
        List<String> unknown = engine.unknownCoupons(basket.coupons());
        if (!unknown.isEmpty()) {
            throw ProblemException.rule("unknown-coupon", "Unknown coupon",
                    "No promotion takes coupon %s.".formatted(String.join(", ", unknown))).with("coupons", unknown);
        }
        return engine.apply(basket);
    }
}
