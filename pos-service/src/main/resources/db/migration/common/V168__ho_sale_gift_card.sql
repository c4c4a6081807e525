-- Head office (issue 26): the gift cards a received sale sold or reloaded (SALE_COMPLETED lines with
-- "giftCard": ACTIVATE | RELOAD), one row per sale and kind: how many cards and their amount. A gift
-- card sold is a liability, not revenue: it is in none of the sale's figures (ho_sale, ho_sale_line
-- hold its goods) but counted apart as the GIFT_CARD figures of ho_day_figure (key = kind); this is
-- their detail, so a rebuild of a day finds them; retention deletes it with the other detail.
-- Portable SQL (H2 and PostgreSQL).
CREATE TABLE ho_sale_gift_card (
    store_id       VARCHAR(32)    NOT NULL,
    receipt_number VARCHAR(200)   NOT NULL,
    business_date  DATE           NOT NULL,
    kind           VARCHAR(10)    NOT NULL,
    cards          INT            NOT NULL,
    amount         NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (store_id, receipt_number, kind)
);
CREATE INDEX ho_sale_gift_card_day ON ho_sale_gift_card (business_date, store_id);
