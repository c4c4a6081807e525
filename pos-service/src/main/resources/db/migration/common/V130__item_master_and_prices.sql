-- Issue 26, items and prices from head office (docs/head-office.md "Items and prices").

-- Head office: the item master. Every change of an item or a price list takes the next catalogue
-- version from ho_counter 'catalog' (UPDATE ... +1: the row stays locked until commit, so catalogue
-- writes commit in version order and a store reading the feed never misses a lower version
-- committed later).
INSERT INTO ho_counter (name, counter_value) VALUES ('catalog', 0);

CREATE TABLE ho_item (
    sku         VARCHAR(40)  PRIMARY KEY,
    department  VARCHAR(40)  NOT NULL,
    age_limit   INTEGER,
    quick_key   BOOLEAN      NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    search_text VARCHAR(2000) NOT NULL,
    version     BIGINT       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(100) NOT NULL,
    CONSTRAINT ho_item_status CHECK (status IN ('ACTIVE', 'BLOCKED')),
    CONSTRAINT ho_item_age CHECK (age_limit IS NULL OR (age_limit BETWEEN 1 AND 99))
);
CREATE UNIQUE INDEX ho_item_version ON ho_item (version);

CREATE TABLE ho_item_barcode (
    barcode VARCHAR(13) PRIMARY KEY,
    sku     VARCHAR(40) NOT NULL REFERENCES ho_item (sku),
    seq     INTEGER     NOT NULL
);
CREATE INDEX ho_item_barcode_sku ON ho_item_barcode (sku);

CREATE TABLE ho_item_name (
    sku  VARCHAR(40)  NOT NULL REFERENCES ho_item (sku),
    lang VARCHAR(2)   NOT NULL,
    name VARCHAR(200) NOT NULL,
    PRIMARY KEY (sku, lang)
);

CREATE TABLE ho_item_tax (
    sku          VARCHAR(40) NOT NULL REFERENCES ho_item (sku),
    country      VARCHAR(2)  NOT NULL,
    tax_category VARCHAR(40) NOT NULL,
    PRIMARY KEY (sku, country)
);

-- Store groups: a store belongs to one group (none here = 'ALL').
CREATE TABLE ho_store_group (
    store_id    VARCHAR(32) PRIMARY KEY,
    store_group VARCHAR(40) NOT NULL
);

-- Price lists: {store group, currency, effective from (a local date-time, applied at that wall-clock
-- time in each store's zone), lines}, each with its catalogue version.
CREATE TABLE ho_price_list (
    list_id        BIGINT       PRIMARY KEY,
    store_group    VARCHAR(40)  NOT NULL,
    currency       VARCHAR(3)   NOT NULL,
    effective_from TIMESTAMP    NOT NULL,
    version        BIGINT       NOT NULL,
    source         VARCHAR(200) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(100) NOT NULL
);
CREATE UNIQUE INDEX ho_price_list_version ON ho_price_list (version);

CREATE TABLE ho_price_line (
    list_id BIGINT         NOT NULL REFERENCES ho_price_list (list_id),
    sku     VARCHAR(40)    NOT NULL REFERENCES ho_item (sku),
    price   NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (list_id, sku),
    CONSTRAINT ho_price_line_not_negative CHECK (price >= 0)
);
CREATE INDEX ho_price_line_sku ON ho_price_line (sku);

-- Store: what it pulled from head office. item.ho_version null = from the store's own seed.
ALTER TABLE item ADD COLUMN ho_version BIGINT;
ALTER TABLE item ADD COLUMN blocked BOOLEAN DEFAULT FALSE NOT NULL;
-- false for an item only head office sent: item.price is no price then (only its price schedule is)
ALTER TABLE item ADD COLUMN own_price BOOLEAN DEFAULT TRUE NOT NULL;

-- Every barcode of an item from head office (item.barcode keeps the first).
CREATE TABLE item_barcode (
    barcode VARCHAR(13) PRIMARY KEY,
    sku     VARCHAR(40) NOT NULL
);
CREATE INDEX item_barcode_sku ON item_barcode (sku);

-- The price schedule: the price of a sku from a local date-time on (store's zone), and the price
-- list version it came from.
CREATE TABLE item_price (
    sku            VARCHAR(40)    NOT NULL,
    effective_from TIMESTAMP      NOT NULL,
    price          NUMERIC(19, 4) NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    price_version  BIGINT         NOT NULL,
    PRIMARY KEY (sku, effective_from)
);

ALTER TABLE sale_line ADD COLUMN price_version BIGINT;
