package io.storedesk.pos.sale.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.common.Ids;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.RegisterCounters;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.drawer.BusinessDayClosed;
import io.storedesk.pos.drawer.BusinessDays;
import io.storedesk.pos.drawer.CashDrawers;
import io.storedesk.pos.drawer.DrawerInfo;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.sale.PricedBasket;
import io.storedesk.pos.sale.SaleOrder;
import io.storedesk.pos.sale.TrainingTill;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Baskets parked at a till (suspend and resume): a clerk parks the basket under a number
 * ({@code R01-P0007}); it is kept on the server, listed for the whole store, survives reloads and
 * page changes, and is resumed once, at any register. Resuming takes the basket's row lock
 * (lock 6a of docs/locking.md; no lower lock is held) and checks it is still parked under that lock, so two
 * tills resuming at once get one basket and one clear refusal. The business day's close expires
 * every basket of that day in the closing transaction. Each step is journaled on the store chain.
 * The basket is stored as the clerk built it (lines, card, coupons, discounts) and priced again
 * when it is resumed: it is a request not yet made, not a sale.
 * <p>
 * In training (ADR 0005) a basket is parked apart: numbered {@code TRN-<register>-P<seq>} from a counter of its
 * own, never journaled, listed, resumed and discarded only in training (and a real one only outside it).
 */
@Service
class ParkedBaskets {

    static final String COUNTER = "PARKED";
    static final String TRAINING_COUNTER = "TRAINING_PARKED";

    enum Status {
        PARKED, RESUMED, DISCARDED, EXPIRED
    }

    record Contents(List<SaleOrder.Line> lines, String loyaltyCard, List<String> coupons, SaleOrder.Discount discount) {
    }

    record Parked(UUID id, String basketNumber, LocalDate businessDate, String registerId, String drawerId,
            String parkedBy, OffsetDateTime parkedAt, String note, int lineCount, String total, String currency,
            Status status, String resolvedBy, OffsetDateTime resolvedAt, String resolvedRegister, Contents basket,
            boolean training) {
    }

    private static final String COLUMNS = "id, basket_number, business_date, register_id, drawer_id, parked_by, "
            + "parked_at, note, line_count, total, currency, status, resolved_by, resolved_at, resolved_register, basket, "
            + "training";

    private final JdbcClient jdbc;
    private final SalePricing sales;
    private final CashDrawers drawers;
    private final BusinessDays days;
    private final RegisterCounters counters;
    private final Journal journal;
    private final StoreProperties store;
    private final JsonMapper json;
    private final Clock clock;

    ParkedBaskets(JdbcClient jdbc, SalePricing sales, CashDrawers drawers, BusinessDays days, RegisterCounters counters,
            Journal journal, StoreProperties store, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.sales = sales;
        this.drawers = drawers;
        this.days = days;
        this.counters = counters;
        this.journal = journal;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Parks a basket that prices (unknown items, bad discounts are refused as at the till). */
    @Transactional
    Parked park(String drawerId, Contents basket, String note, String user, boolean training) {
        DrawerInfo drawer = drawers.drawer(drawerId);
        LocalDate date = store.today(clock);
        if (days.isClosed(date)) {
            throw ProblemException.conflict("business-day-closed", "Business day closed",
                    "The business day %s is closed (Z report taken); baskets can be parked again tomorrow."
                            .formatted(date));
        }
        for (int i = 0; i < basket.lines().size(); i++) {
            if (basket.lines().get(i).giftCard() != null) { // its number would be stored: card data never is
                throw ProblemException.invalidField("lines[%d].giftCard".formatted(i), "cannot be parked");
            }
        }
        PricedBasket priced = sales.quote(basket.lines(), basket.loyaltyCard(), basket.coupons(), basket.discount());
        long seq = counters.next(drawer.registerId(), training ? TRAINING_COUNTER : COUNTER);
        String number = (training ? TrainingTill.PREFIX : "") + "%s-P%04d".formatted(drawer.registerId(), seq);
        UUID id = Ids.timeOrdered();
        OffsetDateTime now = now();
        jdbc.sql("INSERT INTO parked_basket (id, basket_number, business_date, register_id, drawer_id, parked_by, "
                        + "parked_at, note, basket, line_count, total, currency, status, training) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PARKED', ?)")
                .params(id, number, date, drawer.registerId(), drawerId, user, now, note,
                        json.writeValueAsString(basket), basket.lines().size(), priced.total().amount(),
                        priced.total().currency().getCurrencyCode(), training)
                .update();
        if (training) {
            return find(number).orElseThrow(); // training reaches no book: not journaled
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("registerId", drawer.registerId());
        entry.put("lines", basket.lines().size());
        entry.put("total", priced.total().toString());
        journal.append(Journal.STORE_CHAIN, "BASKET_PARKED", user, number, entry);
        return find(number).orElseThrow();
    }

    /** The baskets parked and not yet resumed, oldest first: the training ones in training, else the real ones. */
    @Transactional(readOnly = true)
    List<Parked> parked(boolean training) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM parked_basket WHERE status = 'PARKED' AND training = ? "
                        + "ORDER BY parked_at, basket_number")
                .param(training).query((rs, n) -> parked(rs)).list();
    }

    @Transactional(readOnly = true)
    Optional<Parked> find(String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM parked_basket WHERE basket_number = ?").param(number)
                .query((rs, n) -> parked(rs)).optional();
    }

    /** Takes the basket back at {@code drawerId}'s register: once, whoever asks first. */
    @Transactional
    Parked resume(String number, String drawerId, String user, boolean training) {
        DrawerInfo drawer = drawers.drawer(drawerId);
        return resolve(number, Status.RESUMED, "BASKET_RESUMED", drawer.registerId(), user, training);
    }

    /** The customer left: the basket is thrown away (journaled, still listed by number). */
    @Transactional
    Parked discard(String number, String user, boolean training) {
        return resolve(number, Status.DISCARDED, "BASKET_DISCARDED", null, user, training);
    }

    private Parked resolve(String number, Status to, String journalType, String registerId, String user,
            boolean training) {
        // lock 6a of docs/locking.md (parked basket), taken alone
        Parked basket = jdbc.sql("SELECT " + COLUMNS + " FROM parked_basket WHERE basket_number = ? FOR UPDATE")
                .param(number).query((rs, n) -> parked(rs)).optional()
                .orElseThrow(() -> ProblemException.notFound("Parked basket", number));
        if (basket.training() != training) {
            throw ProblemException.rule(training ? "parked-basket-real" : "parked-basket-training",
                    training ? "Real basket in training" : "Training basket",
                    training ? "Basket %s was parked outside training; it is resumed at a real till.".formatted(number)
                            : "Basket %s was parked in training; it is resumed in training only.".formatted(number));
        }
        if (basket.status() != Status.PARKED) {
            throw ProblemException.conflict("basket-not-parked", "Basket no longer parked", switch (basket.status()) {
                case RESUMED -> "Basket %s was already resumed at %s by %s.".formatted(number, basket.resolvedRegister(),
                        basket.resolvedBy());
                case DISCARDED -> "Basket %s was discarded by %s.".formatted(number, basket.resolvedBy());
                default -> "Basket %s expired when its business day %s closed.".formatted(number, basket.businessDate());
            }).with("status", basket.status().name());
        }
        jdbc.sql("UPDATE parked_basket SET status = ?, resolved_by = ?, resolved_at = ?, resolved_register = ? "
                + "WHERE id = ?").params(to.name(), user, now(), registerId, basket.id()).update();
        if (training) {
            return find(number).orElseThrow();
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        if (registerId != null) {
            entry.put("registerId", registerId);
        }
        journal.append(Journal.STORE_CHAIN, journalType, user, number, entry);
        return find(number).orElseThrow();
    }

    /** The day's close expires its parked baskets, in the closing transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(BusinessDayClosed closed) {
        List<String> numbers = jdbc.sql("SELECT basket_number FROM parked_basket WHERE status = 'PARKED' "
                        + "AND business_date <= ? AND training = FALSE ORDER BY basket_number FOR UPDATE")
                .param(closed.businessDate()).query(String.class).list();
        // training baskets expire too, unjournaled
        jdbc.sql("UPDATE parked_basket SET status = 'EXPIRED', resolved_by = ?, resolved_at = ? "
                + "WHERE status = 'PARKED' AND business_date <= ?").params(closed.closedBy(), now(), closed.businessDate())
                .update();
        for (String number : numbers) {
            journal.append(Journal.STORE_CHAIN, "BASKET_EXPIRED", closed.closedBy(), number,
                    Map.of("businessDate", closed.businessDate().toString()));
        }
    }

    private Parked parked(ResultSet rs) throws SQLException {
        Contents basket = json.readValue(rs.getString(16), Contents.class);
        return new Parked(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getString(8),
                rs.getInt(9), rs.getBigDecimal(10).setScale(java.util.Currency.getInstance(rs.getString(11))
                        .getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY).toPlainString(),
                rs.getString(11), Status.valueOf(rs.getString(12)), rs.getString(13),
                rs.getObject(14, OffsetDateTime.class), rs.getString(15), basket, rs.getBoolean(17));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }
}
