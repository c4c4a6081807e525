package io.storedesk.pos.returns.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

import io.storedesk.pos.common.Money;
import io.storedesk.pos.common.ProblemException;
import io.storedesk.pos.journal.Journal;
import io.storedesk.pos.returns.StoreCredits;
import io.storedesk.pos.sale.AppliedTender;
import io.storedesk.pos.sale.LedgerTender;
import io.storedesk.pos.sale.TenderRequest;
import io.storedesk.pos.sale.TenderType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Store credit as a ledger: each code has its entries (ISSUE, REDEEM, GIVE_BACK) and a balance
 * column kept equal to their sum under the row's lock, which a CHECK keeps from going negative.
 * Codes are 12 random characters from an alphabet without look-alikes, printed in groups of four.
 */
@Component
class StoreCreditLedger implements StoreCredits, LedgerTender {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Journal journal;
    private final Clock clock;

    StoreCreditLedger(JdbcClient jdbc, Journal journal, Clock clock) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StoreCredit issue(Money amount, String source, String document, String user) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("store credit must be positive: " + amount);
        }
        String code = newCode();
        jdbc.sql("INSERT INTO store_credit (code, currency, source, document, issued_by, issued_at, issued, balance) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(code, amount.currency().getCurrencyCode(), source, document, user, now(), amount.amount(),
                        amount.amount())
                .update();
        entry(code, 1, "ISSUE", amount.amount(), document, user);
        journal.append(Journal.STORE_CHAIN, "STORE_CREDIT_ISSUED", user, code,
                Map.of("code", code, "amount", amount.toString(), "currency", amount.currency().getCurrencyCode(),
                        "source", source, "document", document));
        return new StoreCredit(code, amount.toString(), amount.currency().getCurrencyCode(), amount.toString());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StoreCredit> find(String code) {
        return jdbc.sql("SELECT code, currency, issued, balance FROM store_credit WHERE code = ?")
                .param(normalise(code))
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString(2));
                    return new StoreCredit(rs.getString(1), Money.of(rs.getBigDecimal(4), currency).toString(),
                            currency.getCurrencyCode(), Money.of(rs.getBigDecimal(3), currency).toString());
                })
                .optional();
    }

    @Override
    public TenderType type() {
        return TenderType.STORE_CREDIT;
    }

    @Override
    @Transactional(readOnly = true)
    public Money quote(TenderRequest request, Money due) {
        Money balance = balance(request.code(), due.currency(), false);
        return amountFor(request, balance, due);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public AppliedTender redeem(TenderRequest request, Money amount, String document, String user) {
        String code = normalise(request.code());
        Money balance = balance(code, amount.currency(), true);
        if (amount.isGreaterThan(balance)) {
            throw insufficient(code, balance, amount);
        }
        move(code, "REDEEM", amount.negate(), document, user);
        return new AppliedTender(TenderType.STORE_CREDIT, amount, amount, code);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBack(String reference, Money amount, String document, String user) {
        balance(reference, amount.currency(), true);
        move(reference, "GIVE_BACK", amount, document, user);
    }

    private Money amountFor(TenderRequest request, Money balance, Money due) {
        if (request.amount() == null) {
            if (!balance.isPositive()) {
                throw insufficient(request.code(), balance, due);
            }
            return balance.min(due);
        }
        if (request.amount().isGreaterThan(balance)) {
            throw insufficient(request.code(), balance, request.amount());
        }
        return request.amount();
    }

    private void move(String code, String kind, Money amount, String document, String user) {
        jdbc.sql("UPDATE store_credit SET balance = balance + ? WHERE code = ?").params(amount.amount(), code).update();
        int next = jdbc.sql("SELECT COALESCE(MAX(entry_no), 0) + 1 FROM store_credit_entry WHERE code = ?")
                .param(code).query(Integer.class).single();
        entry(code, next, kind, amount.amount(), document, user);
    }

    private Money balance(String rawCode, Currency currency, boolean lock) {
        String code = normalise(rawCode);
        // lock 8 of docs/locking.md (store credit) when locked
        Optional<Object[]> row = jdbc.sql("SELECT currency, balance FROM store_credit WHERE code = ?"
                        + (lock ? " FOR UPDATE" : ""))
                .param(code)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)})
                .optional();
        if (row.isEmpty()) {
            throw ProblemException.rule("unknown-store-credit", "Unknown store credit",
                    "No store credit with code %s.".formatted(code)).with("code", code);
        }
        if (!currency.getCurrencyCode().equals(row.get()[0])) {
            throw ProblemException.rule("store-credit-currency", "Store credit in another currency",
                    "Store credit %s is in %s, the sale in %s.".formatted(code, row.get()[0], currency.getCurrencyCode()));
        }
        return Money.of((BigDecimal) row.get()[1], currency);
    }

    private static ProblemException insufficient(String code, Money balance, Money asked) {
        return ProblemException.rule("store-credit-insufficient", "Not enough store credit",
                        "Store credit %s has %s left; %s was asked.".formatted(normalise(code), balance, asked))
                .with("code", normalise(code)).with("balance", balance.toString());
    }

    private void entry(String code, int no, String kind, BigDecimal amount, String document, String user) {
        jdbc.sql("INSERT INTO store_credit_entry (code, entry_no, kind, amount, document, actor, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(code, no, kind, amount, document, user, now())
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder("SC");
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Codes are typed by people: case and surrounding blanks do not matter. */
    static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
