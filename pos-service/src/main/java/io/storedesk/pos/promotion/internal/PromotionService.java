package io.storedesk.pos.promotion.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.promotion.AppliedPromotion;
import io.storedesk.pos.promotion.CouponOffer;
import io.storedesk.pos.promotion.CouponSource;
import io.storedesk.pos.promotion.Promotion;
import io.storedesk.pos.promotion.PromotionBasket;
import io.storedesk.pos.promotion.PromotionEngine;
import io.storedesk.pos.promotion.PromotionOutcome;
import io.storedesk.pos.promotion.PromotionSet;
import io.storedesk.pos.promotion.Promotions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves the installed promotion set, which is the highest version in table {@code promotion_set}:
 * every read asks the database for that version (one index look-up) and rebuilds the engine when
 * it changed, so several head-office nodes over one database serve a set the moment any of them
 * installed it. The engine is kept per version only (rebuilt once per version, swapped
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
    private final Iterable<CouponSource> couponSources;
    private volatile Installed installed;

    PromotionService(PromotionSetStore store, StoreProperties storeProperties, TransactionTemplate tx, Journal journal,
            Clock clock) {
        this(store, storeProperties, tx, journal, clock, List.of(), true);
    }

    @org.springframework.beans.factory.annotation.Autowired
    PromotionService(PromotionSetStore store, StoreProperties storeProperties, TransactionTemplate tx, Journal journal,
            Clock clock, ObjectProvider<CouponSource> couponSources, org.springframework.core.env.Environment environment) {
        this(store, storeProperties, tx, journal, clock, (Iterable<CouponSource>) couponSources,
                "head-office".equals(environment.getProperty("pos.role", "store")));
    }

    private PromotionService(PromotionSetStore store, StoreProperties storeProperties, TransactionTemplate tx,
            Journal journal, Clock clock, Iterable<CouponSource> couponSources, boolean sharedDatabase) {
        this.couponSources = couponSources;
        this.sharedDatabase = sharedDatabase;
        this.store = store;
        this.storeProperties = storeProperties;
        this.tx = tx;
        this.journal = journal;
        this.clock = clock;
        use(new PromotionSet(0, "none", clock.instant(), List.of()));
    }

    /**
     * Head office: several nodes share the database, so each read asks it for the version. A store is
     * one process and installs every set itself (sync or seed, through {@link #install}), so what it
     * holds is always the latest and a sale's price quote asks the database nothing more.
     */
    private final boolean sharedDatabase;

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

    /**
     * The set of the highest stored version and its engine: the version is read from the database on
     * every call, the set and its engine only when the version changed (another node, or this one,
     * installed a new set).
     */
    private Installed fresh() {
        Installed known = installed;
        if (!sharedDatabase || store.latestVersion() == known.set().version()) {
            return known;
        }
        return store.latest().map(set -> {
            Installed loaded = new Installed(set, PromotionEngine.of(set, storeProperties.currency()));
            installed = loaded;
            return loaded;
        }).orElse(known);
    }

    @Override
    public PromotionSet current() {
        return fresh().set();
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
            try {
                store.insert(set);
            } catch (DuplicateKeyException raced) {
                // another node installed this version between the check and the insert
                throw ProblemException.conflict("promotion-set-outdated", "Promotion set outdated",
                        "Version %d is not above the installed version %d.".formatted(version, version));
            }
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
        return fresh().set().promotions().stream().filter(p -> p.runsAt(now))
                .sorted(java.util.Comparator.comparingInt(Promotion::priority).reversed()
                        .thenComparing(Promotion::code))
                .toList();
    }

    /**
     * Coupons the set does not know are looked up in the {@link CouponSource}s; the set prices the
     * basket with its own coupons, then each source coupon takes its amount off what is left to
     * pay (never below zero), as a basket-wide discount listed under the coupon's code.
     */
    @Override
    public PromotionOutcome apply(PromotionBasket basket) {
        PromotionEngine engine = fresh().engine();
        List<String> notInSet = engine.unknownCoupons(basket.coupons());
        List<CouponOffer> offers = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String code : notInSet) {
            Optional<CouponOffer> offer = findCoupon(code);
            if (offer.isEmpty()) {
                unknown.add(code);
            } else if (offer.get().used()) {
                throw alreadyUsed(code);
            } else {
                offers.add(offer.get());
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.rule("unknown-coupon", "Unknown coupon",
                    "No promotion takes coupon %s.".formatted(String.join(", ", unknown))).with("coupons", unknown);
        }
        if (offers.isEmpty()) {
            return engine.apply(basket);
        }
        Set<String> setCoupons = new HashSet<>();
        basket.coupons().forEach(c -> setCoupons.add(Promotion.normalizeCoupon(c)));
        setCoupons.removeAll(notInSet);
        PromotionOutcome outcome = engine.apply(new PromotionBasket(basket.lines(), basket.loyaltyCard(), setCoupons,
                basket.time()));
        Money gross = basket.lines().stream().map(l -> l.unitPrice().times(l.quantity()))
                .reduce(Money.zero(storeProperties.currency()), Money::plus);
        Money left = gross.minus(outcome.total());
        Money basketDiscount = outcome.basketDiscount();
        List<AppliedPromotion> applied = new ArrayList<>(outcome.applied());
        for (CouponOffer offer : offers) {
            Money amount = offer.amount().min(left);
            if (amount.isPositive()) {
                left = left.minus(amount);
                basketDiscount = basketDiscount.plus(amount);
                applied.add(new AppliedPromotion(offer.code(), offer.description(), amount, Map.of()));
            }
        }
        return new PromotionOutcome(outcome.lineDiscounts(), basketDiscount, applied, outcome.setVersion());
    }

    @Override
    public void redeemCoupons(Collection<String> coupons, String receiptNumber) {
        if (coupons == null || coupons.isEmpty()) {
            return;
        }
        for (String code : fresh().engine().unknownCoupons(coupons)) {
            for (CouponSource source : couponSources) {
                if (source.find(code).isPresent()) {
                    source.redeem(code, receiptNumber);
                    break;
                }
            }
        }
    }

    private Optional<CouponOffer> findCoupon(String code) {
        for (CouponSource source : couponSources) {
            Optional<CouponOffer> offer = source.find(code);
            if (offer.isPresent()) {
                return offer;
            }
        }
        return Optional.empty();
    }

    static ProblemException alreadyUsed(String code) {
        return ProblemException.rule("coupon-already-used", "Coupon already used",
                "Coupon %s was already used; it is good for one purchase.".formatted(code)).with("coupon", code);
    }
}
