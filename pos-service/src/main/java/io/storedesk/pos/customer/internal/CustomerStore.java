package io.storedesk.pos.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.storedesk.pos.customer.CustomerView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores customers and their consent records, by plain JDBC. */
@Component
class CustomerStore {

    private static final String COLUMNS = "id, name, phone, email, loyalty_card, preferred_language, email_receipts, "
            + "email_receipts_at, marketing, marketing_at, created_at, created_by, updated_at, erased_at";

    private final JdbcClient jdbc;

    CustomerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Contact details as stored. */
    record Details(String name, String phone, String email, String loyaltyCard, String preferredLanguage) {
    }

    /** Another customer with the same phone or e-mail. */
    record Duplicate(String id, String name, String matchedOn) {
    }

    /** A consent given or withdrawn. */
    record ConsentRecord(String kind, boolean granted, OffsetDateTime recordedAt, String recordedBy) {
    }

    void insert(UUID id, Details d, OffsetDateTime now, String user) {
        jdbc.sql("INSERT INTO customer (id, name, phone, phone_key, email, email_key, loyalty_card, preferred_language, "
                        + "search_text, email_receipts, marketing, created_at, created_by, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, ?, ?, ?)")
                .params(id, d.name(), d.phone(), SearchFold.phone(d.phone()), d.email(), SearchFold.email(d.email()),
                        d.loyaltyCard(), d.preferredLanguage(),
                        SearchFold.searchText(d.name(), d.phone(), d.email(), d.loyaltyCard()), now, user, now)
                .update();
    }

    void update(UUID id, Details d, OffsetDateTime now) {
        jdbc.sql("UPDATE customer SET name = ?, phone = ?, phone_key = ?, email = ?, email_key = ?, loyalty_card = ?, "
                        + "preferred_language = ?, search_text = ?, updated_at = ? WHERE id = ?")
                .params(d.name(), d.phone(), SearchFold.phone(d.phone()), d.email(), SearchFold.email(d.email()),
                        d.loyaltyCard(), d.preferredLanguage(),
                        SearchFold.searchText(d.name(), d.phone(), d.email(), d.loyaltyCard()), now, id)
                .update();
    }

    /** Records a consent change: the current state on the customer, and a history row. */
    void consent(UUID id, String kind, boolean granted, OffsetDateTime now, String user) {
        String column = kind.equals("EMAIL_RECEIPTS") ? "email_receipts" : "marketing";
        jdbc.sql("UPDATE customer SET " + column + " = ?, " + column + "_at = ?, updated_at = ? WHERE id = ?")
                .params(granted, now, now, id).update();
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM customer_consent WHERE customer_id = ?")
                .param(id).query(Integer.class).single();
        jdbc.sql("INSERT INTO customer_consent (customer_id, seq, kind, granted, recorded_at, recorded_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, seq, kind, granted, now, user).update();
    }

    List<ConsentRecord> consents(UUID id) {
        return jdbc.sql("SELECT kind, granted, recorded_at, recorded_by FROM customer_consent WHERE customer_id = ? "
                        + "ORDER BY seq")
                .param(id)
                .query((rs, n) -> new ConsentRecord(rs.getString(1), rs.getBoolean(2), time(rs, 3), rs.getString(4)))
                .list();
    }

    Optional<CustomerView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE id = ?").param(id).query(CustomerStore::view)
                .optional();
    }

    /** Reads the customer and locks its row until the transaction ends. */
    Optional<CustomerView> lock(UUID id) {
        // lock 5 of docs/locking.md (customer)
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE id = ? FOR UPDATE").param(id)
                .query(CustomerStore::view).optional();
    }

    Optional<CustomerView> findByLoyaltyCard(String card) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE loyalty_card = ? AND erased_at IS NULL")
                .param(card).query(CustomerStore::view).optional();
    }

    /** Customers whose folded search text contains every word, or whose phone/card contains the digits. */
    List<CustomerView> search(List<String> words, String digits, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("(");
        for (int i = 0; i < words.size(); i++) {
            where.append(i == 0 ? "" : " AND ").append("search_text LIKE ? ESCAPE '\\'");
            params.add("%" + like(words.get(i)) + "%");
        }
        where.append(")");
        if (digits != null) {
            where.append(" OR phone_key LIKE ? OR loyalty_card LIKE ?");
            params.add("%" + digits + "%");
            params.add("%" + digits + "%");
        }
        params.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer WHERE erased_at IS NULL AND (" + where
                        + ") ORDER BY name, id FETCH FIRST ? ROWS ONLY")
                .params(params).query(CustomerStore::view).list();
    }

    List<Duplicate> duplicates(UUID except, String phone, String email) {
        String phoneKey = SearchFold.phone(phone);
        String emailKey = SearchFold.email(email);
        if (phoneKey == null && emailKey == null) {
            return List.of();
        }
        return jdbc.sql("SELECT id, name, phone_key, email_key FROM customer WHERE erased_at IS NULL AND id <> ? "
                        + "AND (phone_key = ? OR email_key = ?) ORDER BY created_at")
                .params(except, phoneKey, emailKey)
                .query((rs, n) -> new Duplicate(rs.getString(1), rs.getString(2),
                        phoneKey != null && phoneKey.equals(rs.getString(3)) ? "phone" : "email"))
                .list();
    }

    boolean cardTaken(String card, UUID except) {
        return card != null && jdbc.sql("SELECT COUNT(*) FROM customer WHERE loyalty_card = ? AND id <> ?")
                .params(card, except).query(Long.class).single() > 0;
    }

    /** Blanks every personal field; the id, dates and the consent history (no personal data) stay. */
    void erase(UUID id, OffsetDateTime now, String user) {
        jdbc.sql("UPDATE customer SET name = 'ERASED', phone = NULL, phone_key = NULL, email = NULL, email_key = NULL, "
                        + "loyalty_card = NULL, preferred_language = NULL, search_text = '', email_receipts = FALSE, "
                        + "marketing = FALSE, updated_at = ?, erased_at = ?, erased_by = ? WHERE id = ?")
                .params(now, now, user, id).update();
    }

    private static String like(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static CustomerView view(ResultSet rs, int n) throws SQLException {
        return new CustomerView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), new CustomerView.Consent(rs.getBoolean(7), time(rs, 8)),
                new CustomerView.Consent(rs.getBoolean(9), time(rs, 10)), time(rs, 11), rs.getString(12),
                time(rs, 13), time(rs, 14) != null, time(rs, 14), null);
    }

    static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
