package io.storedesk.pos.sync.internal;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.storedesk.pos.common.CardData;
import io.storedesk.pos.common.GiftCardNumbers;
import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.common.StoreProperties;
import io.storedesk.pos.sale.AppliedTender;
import io.storedesk.pos.sale.GiftCardAuthority;
import io.storedesk.pos.sale.LedgerTender;
import io.storedesk.pos.sale.TenderRequest;
import io.storedesk.pos.sale.TenderType;
import io.storedesk.pos.sync.SyncProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store's side of gift cards (issue 26, docs/head-office.md "Gift cards"): online calls to head
 * office with the store's key ({@link HeadOfficeClient#giftCard}), and the operations that must reach
 * head office whatever happens - a compensation ({@code CANCEL}) and a refund to the card ({@code REFUND}) -
 * as {@code GIFT_CARD_OP} events of the outbox, so the sync worker delivers them, exactly once by op id,
 * across restarts and outages. As a {@link LedgerTender} it only gives back (a return or a post-void of a
 * sale paid by gift card, in that document's transaction); redemptions are online, before the sale's
 * transaction ({@code sale.internal.Tendering}). A card number is never logged, and never in an op id.
 */
@Component
class HeadOfficeGiftCards implements GiftCardAuthority, LedgerTender {

    private static final Logger log = LoggerFactory.getLogger(HeadOfficeGiftCards.class);
    static final String EVENT = "GIFT_CARD_OP";

    private final HeadOfficeClient client;
    private final StoreProperties store;
    private final Outbox outbox;
    /** A transaction of its own (REQUIRES_NEW): a compensation is durable whatever the caller does next. */
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    private final Money allowance;
    private final boolean postgres;

    HeadOfficeGiftCards(SyncProperties properties, StoreProperties store, Outbox outbox, TransactionTemplate tx,
            JdbcClient jdbc, JsonMapper json, Clock clock, io.storedesk.pos.common.ClusterLocks locks,
            @org.springframework.beans.factory.annotation.Value("${pos.gift-cards.offline-allowance:0}") String allowance) {
        this.allowance = io.storedesk.pos.common.Amounts.parse(allowance, store.currency(), "pos.gift-cards.offline-allowance");
        this.client = properties.enabled() ? new HeadOfficeClient(properties, store) : null;
        this.store = store;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.postgres = locks.postgres();
    }

    @Override
    public Balance balance(@CardData String number) {
        GiftCardNumbers.require(number, "number");
        JsonNode card = answer(call("/api/ho/v1/gift-cards/" + number, null));
        return new Balance(GiftCardNumbers.mask(number), money(card, "balance", card.get("currency").asString()),
                card.get("status").asString());
    }

    /**
     * The compensation first, then the redemption: the redemption's CANCEL is written to the outbox in a
     * transaction of its own, held back by this process ({@link Outbox#addHeld}), before head office is asked
     * to redeem. The sale's transaction deletes it when the sale commits ({@link #settled}); a failed sale
     * releases it ({@link #cancel}); if this process dies in between, the next one sends it and the card gets
     * its money back. A redemption head office refused (a gift-card problem: nothing taken) deletes it; one
     * whose answer never came releases it (head office may have applied it; a CANCEL of an op it never got is
     * recorded with amount 0 and refuses that op later).
     */
    @Override
    public Redemption redeem(String opId, @CardData String number, Money amount, String document) {
        return compensatedFirst(opId, number, "REDEEM", amount, document);
    }

    /**
     * A gift card sold or reloaded at the till: like a redemption, its compensation (the CANCEL that undoes the
     * activation or takes the reload back) is written and held first, so a sale that fails, or a process that dies
     * before the sale commits, never leaves a card loaded that nobody paid for.
     */
    @Override
    public Redemption load(String opId, @CardData String number, String kind, Money amount, String document) {
        if (!kind.equals("ACTIVATE") && !kind.equals("RELOAD")) {
            throw new IllegalArgumentException("not a load: " + kind);
        }
        return compensatedFirst(opId, number, kind, amount, document);
    }

    /** The held compensation, then the operation online (see {@link #redeem}). */
    private Redemption compensatedFirst(String opId, String number, String kind, Money amount, String document) {
        if (client == null) {
            throw offline();
        }
        UUID intent = intentIdOf(opId);
        Map<String, Object> compensation = payload(cancelIdOf(opId), "CANCEL", null, null, opId);
        compensation.put("number", number); // head office locks the card's row even if the operation never arrived
        tx.executeWithoutResult(s -> outbox.addHeld(intent, EVENT, clock.instant(),
                json.writeValueAsString(compensation)));
        JsonNode done;
        try {
            done = answer(call("/api/ho/v1/gift-cards/" + number + "/operations", body(opId, kind, amount,
                    document, null)));
        } catch (ProblemException refused) {
            boolean unknownOutcome = refused.type().equals("gift-card-offline");
            tx.executeWithoutResult(s -> {
                if (unknownOutcome) {
                    outbox.release(intent);
                } else {
                    outbox.removeHeld(intent);
                }
            });
            throw refused;
        } catch (RuntimeException unknown) {
            tx.executeWithoutResult(s -> outbox.release(intent));
            throw unknown;
        }
        String currency = done.get("currency").asString();
        return new Redemption(opId, GiftCardNumbers.mask(number), money(done, "amount", currency),
                money(done, "balance", currency));
    }

    /**
     * In the sale's transaction: the redemption {@code opId} is the sale's, so its compensation (held since
     * before the redemption) is deleted with the sale's commit. If it is not held any more (released: it may
     * have reached head office), the sale cannot keep the redemption and fails.
     */
    @Override
    public void settled(String opId) {
        if (!outbox.removeHeld(intentIdOf(opId))) {
            throw new IllegalStateException("the compensation of gift-card redemption " + opId
                    + " is not held any more: the sale cannot keep it");
        }
    }

    /**
     * Releases the compensation written before the redemption, in a transaction of its own (the sync worker
     * then delivers it, exactly once, across restarts and outages), then tries it online at once. Nothing to
     * do when it is not held: the sale committed (and deleted it) or it was released already.
     */
    @Override
    public void cancel(String opId, @CardData String number) {
        String cancelId = cancelIdOf(opId);
        Boolean released = tx.execute(s -> outbox.release(intentIdOf(opId)));
        if (!Boolean.TRUE.equals(released) || client == null) {
            return;
        }
        try {
            HttpResponse<String> r = client.giftCard("/api/ho/v1/gift-cards/" + number + "/operations",
                    body(cancelId, "CANCEL", null, null, opId));
            if (r.statusCode() != 200) {
                log.warn("Gift-card compensation {} answered {}; the outbox delivers it", cancelId, r.statusCode());
            }
        } catch (HeadOfficeClient.HeadOfficeException e) {
            log.warn("Gift-card compensation {} not reached head office ({}); the outbox delivers it", cancelId,
                    e.getMessage());
        }
    }

    @Override
    public Money offlineAllowance(@CardData String number) {
        Money spent = jdbc.sql("SELECT amount FROM gift_card_offline_spend WHERE number = ?").param(number)
                .query(BigDecimal.class).optional().map(a -> Money.of(a, store.currency()))
                .orElse(Money.zero(store.currency()));
        Money left = allowance.minus(spent);
        return left.isPositive() ? left : Money.zero(store.currency());
    }

    /**
     * In the sale's transaction: locks the card's {@code gift_card_offline_spend} row (lock 8b, docs/locking.md),
     * checks under it that this store's offline spend of the card stays within the allowance (the check made
     * while the tenders were planned, without the lock, is repeated here: two tills may have planned on one
     * allowance), adds the amount and writes the REDEEM to the outbox.
     *
     * @throws ProblemException 503 {@code gift-card-offline} when another sale spent the allowance meanwhile
     */
    @Override
    public void redeemOffline(String opId, @CardData String number, Money amount, String document) {
        BigDecimal spent = lockSpend(number);
        if (Money.of(spent, store.currency()).plus(amount).compareTo(allowance) > 0) {
            throw offline();
        }
        jdbc.sql("UPDATE gift_card_offline_spend SET amount = amount + ? WHERE number = ?")
                .params(amount.amount(), number).update();
        Map<String, Object> payload = payload(opId, "REDEEM", amount, document, null);
        payload.put("number", number);
        outbox.add(EVENT, clock.instant(), json.writeValueAsString(payload));
    }

    /** The card's offline spend, its row made if need be and locked until the transaction ends. */
    private BigDecimal lockSpend(@CardData String number) {
        String ensure = postgres
                ? "INSERT INTO gift_card_offline_spend (number, amount) VALUES (?, 0) ON CONFLICT (number) DO NOTHING"
                : "MERGE INTO gift_card_offline_spend t USING (VALUES (CAST(? AS VARCHAR(32)))) AS d (number) "
                        + "ON t.number = d.number WHEN NOT MATCHED THEN INSERT (number, amount) VALUES (d.number, 0)";
        for (int tries = 0; tries < 5; tries++) {
            jdbc.sql(ensure).param(number).update();
            java.util.Optional<BigDecimal> spent = jdbc.sql(
                    "SELECT amount FROM gift_card_offline_spend WHERE number = ? FOR UPDATE").param(number)
                    .query(BigDecimal.class).optional();
            if (spent.isPresent()) {
                return spent.get();
            }
            // the sync worker deleted the row (spend back to zero) between the two statements: make it again
        }
        throw new IllegalStateException("gift-card offline spend row keeps disappearing");
    }

    /**
     * In the sync worker's acknowledging transaction: head office applied these outbox rows, so the offline
     * redemptions among them no longer count against the allowance (cards in number order, each row's
     * amount taken off under its lock; a row at zero is deleted: no card number kept for longer than needed).
     */
    void acknowledged(java.util.List<Outbox.Row> rows) {
        java.util.SortedMap<String, BigDecimal> applied = new java.util.TreeMap<>();
        for (Outbox.Row r : rows) {
            if (!EVENT.equals(r.type())) {
                continue;
            }
            JsonNode p = json.readTree(r.payload());
            if ("REDEEM".equals(p.path("kind").asString()) && p.hasNonNull("number") && p.hasNonNull("amount")) {
                applied.merge(p.get("number").asString(), new BigDecimal(p.get("amount").asString()), BigDecimal::add);
            }
        }
        applied.forEach((number, amount) -> {
            jdbc.sql("UPDATE gift_card_offline_spend SET amount = amount - ? WHERE number = ?").params(amount, number)
                    .update();
            jdbc.sql("DELETE FROM gift_card_offline_spend WHERE number = ? AND amount <= 0").param(number).update();
        });
    }

    @Override
    public boolean cancelPending(String opId) {
        return outbox.contains(intentIdOf(opId)) // held by a process that died, or released and not yet sent
                || jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE type = ? AND payload LIKE ?") // written before V159
                        .params(EVENT, "%\"opId\":\"" + cancelIdOf(opId) + "\"%").query(Long.class).single() > 0;
    }

    /** The event id of op {@code opId}'s compensation: derived from the op id (never the card number). */
    private UUID intentIdOf(String opId) {
        return UUID.nameUUIDFromBytes(("gift-card-cancel|" + store.id() + "|" + opId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** "rf-" and 40 hex digits of SHA-256 over the store, the document and the redemption's op id. */
    private String refundOpId(String document, String reference) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest((store.id() + "|" + document + "|"
                    + reference).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "rf-" + java.util.HexFormat.of().formatHex(h).substring(0, 40);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String cancelIdOf(String opId) {
        return opId + "-x";
    }

    // --- LedgerTender: only giving back -------------------------------------------------------------

    @Override
    public TenderType type() {
        return TenderType.GIFT_CARD;
    }

    @Override
    public Money quote(TenderRequest request, Money due) {
        throw new UnsupportedOperationException("gift cards are redeemed online, before the sale's transaction");
    }

    @Override
    public AppliedTender redeem(TenderRequest request, Money amount, String document, String user) {
        throw new UnsupportedOperationException("gift cards are redeemed online, before the sale's transaction");
    }

    /**
     * A REFUND of {@code amount} to the card the redemption {@code reference} (its op id) took it from,
     * recorded in the outbox in the caller's transaction: it reaches head office with the return or void
     * (op id from the document and the redemption, so a document gives back to one card once).
     */
    @Override
    public void giveBack(String reference, Money amount, String document, String user) {
        Map<String, Object> payload = payload(refundOpId(document, reference), "REFUND", amount, document, null);
        payload.put("refunds", reference);
        outbox.add(EVENT, clock.instant(), json.writeValueAsString(payload));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private Map<String, Object> payload(String opId, String kind, Money amount, String document, String cancels) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("storeId", store.id());
        p.put("opId", opId);
        p.put("kind", kind);
        p.put("amount", amount == null ? null : amount.toString());
        p.put("currency", store.currency().getCurrencyCode());
        p.put("document", document);
        p.put("cancels", cancels);
        return p;
    }

    private String body(String opId, String kind, Money amount, String document, String cancels) {
        return json.writeValueAsString(payload(opId, kind, amount, document, cancels));
    }

    private HttpResponse<String> call(String path, String body) {
        if (client == null) {
            throw offline();
        }
        try {
            return client.giftCard(path, body);
        } catch (HeadOfficeClient.HeadOfficeException e) {
            throw offline();
        }
    }

    /** Head office's 200 answer, or its problem as this store's (type, status and properties kept; number masked). */
    private JsonNode answer(HttpResponse<String> r) {
        JsonNode body;
        try {
            body = json.readTree(r.body());
        } catch (RuntimeException e) {
            throw offline();
        }
        if (r.statusCode() == 200) {
            return body;
        }
        String type = body.path("type").asString("");
        if (r.statusCode() >= 500 || r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() == 429
                || !type.contains("/gift-card-")) {
            log.warn("Head office refused a gift-card call: {} {}", r.statusCode(), type);
            throw offline();
        }
        ProblemException problem = new ProblemException(HttpStatus.valueOf(r.statusCode()),
                type.substring(type.lastIndexOf('/') + 1), body.path("title").asString(""),
                body.path("detail").asString(""));
        for (String property : new String[] {"card", "balance", "currency", "cardCurrency"}) {
            if (body.hasNonNull(property)) {
                problem.with(property, body.get(property).asString());
            }
        }
        throw problem;
    }

    static ProblemException offline() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "gift-card-offline", "Gift cards unavailable",
                "Head office cannot be reached, so gift cards cannot be sold or used now. Take another tender.");
    }

    private static Money money(JsonNode node, String field, String currency) {
        return Money.of(new BigDecimal(node.get(field).asString()), java.util.Currency.getInstance(currency));
    }
}
