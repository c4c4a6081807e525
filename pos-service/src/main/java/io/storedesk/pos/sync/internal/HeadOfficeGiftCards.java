package io.storedesk.pos.sync.internal;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

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
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    private final Money allowance;

    HeadOfficeGiftCards(SyncProperties properties, StoreProperties store, Outbox outbox, TransactionTemplate tx,
            JdbcClient jdbc, JsonMapper json, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${pos.gift-cards.offline-allowance:0}") String allowance) {
        this.allowance = io.storedesk.pos.common.Amounts.parse(allowance, store.currency(), "pos.gift-cards.offline-allowance");
        this.client = properties.enabled() ? new HeadOfficeClient(properties, store) : null;
        this.store = store;
        this.outbox = outbox;
        this.tx = tx;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Balance balance(@CardData String number) {
        GiftCardNumbers.require(number, "number");
        JsonNode card = answer(call("/api/ho/v1/gift-cards/" + number, null));
        return new Balance(GiftCardNumbers.mask(number), money(card, "balance", card.get("currency").asString()),
                card.get("status").asString());
    }

    @Override
    public Redemption redeem(String opId, @CardData String number, Money amount, String document) {
        JsonNode done = answer(call("/api/ho/v1/gift-cards/" + number + "/operations", body(opId, "REDEEM", amount,
                document, null)));
        String currency = done.get("currency").asString();
        return new Redemption(opId, GiftCardNumbers.mask(number), money(done, "amount", currency),
                money(done, "balance", currency));
    }

    @Override
    public Redemption load(String opId, @CardData String number, String kind, Money amount, String document) {
        if (!kind.equals("ACTIVATE") && !kind.equals("RELOAD")) {
            throw new IllegalArgumentException("not a load: " + kind);
        }
        JsonNode done = answer(call("/api/ho/v1/gift-cards/" + number + "/operations", body(opId, kind, amount,
                document, null)));
        String currency = done.get("currency").asString();
        return new Redemption(opId, GiftCardNumbers.mask(number), money(done, "amount", currency),
                money(done, "balance", currency));
    }

    @Override
    public void cancel(String opId, @CardData String number) {
        String cancelId = cancelIdOf(opId);
        Map<String, Object> payload = payload(cancelId, "CANCEL", null, null, opId);
        payload.put("number", number); // head office locks the card's row even if the redemption never arrived
        tx.executeWithoutResult(s -> outbox.add(EVENT, clock.instant(), json.writeValueAsString(payload)));
        if (client == null) {
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
        Money spent = Money.zero(store.currency());
        for (String payload : jdbc.sql("SELECT payload FROM sync_outbox WHERE type = ? AND payload LIKE ? AND payload LIKE ?")
                .params(EVENT, "%\"kind\":\"REDEEM\"%", "%\"number\":\"" + number + "\"%").query(String.class).list()) {
            spent = spent.plus(money(json.readTree(payload), "amount", store.currency().getCurrencyCode()));
        }
        Money left = allowance.minus(spent);
        return left.isPositive() ? left : Money.zero(store.currency());
    }

    @Override
    public void redeemOffline(String opId, @CardData String number, Money amount, String document) {
        Map<String, Object> payload = payload(opId, "REDEEM", amount, document, null);
        payload.put("number", number);
        outbox.add(EVENT, clock.instant(), json.writeValueAsString(payload));
    }

    @Override
    public boolean cancelPending(String opId) {
        return jdbc.sql("SELECT COUNT(*) FROM sync_outbox WHERE type = ? AND payload LIKE ?")
                .params(EVENT, "%\"opId\":\"" + cancelIdOf(opId) + "\"%").query(Long.class).single() > 0;
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
