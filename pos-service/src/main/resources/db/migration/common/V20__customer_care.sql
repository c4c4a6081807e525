-- Customer care desk: customers with their consents, service cases with an append-only history.
-- Portable between H2 and PostgreSQL. Erasing a customer (GDPR) blanks the personal columns and
-- keeps the row, so cases and the financial records stay linked to an anonymous id.

CREATE TABLE customer (
    id                  UUID           NOT NULL PRIMARY KEY,
    name                VARCHAR(200)   NOT NULL,
    phone               VARCHAR(40),
    phone_key           VARCHAR(40),
    email               VARCHAR(254),
    email_key           VARCHAR(254),
    loyalty_card        VARCHAR(40),
    preferred_language  VARCHAR(10),
    search_text         VARCHAR(600)   NOT NULL,
    email_receipts      BOOLEAN        NOT NULL,
    email_receipts_at   TIMESTAMP WITH TIME ZONE,
    marketing           BOOLEAN        NOT NULL,
    marketing_at        TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(64)    NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    erased_at           TIMESTAMP WITH TIME ZONE,
    erased_by           VARCHAR(64),
    CONSTRAINT customer_loyalty_card_unique UNIQUE (loyalty_card)
);
CREATE INDEX customer_by_phone ON customer (phone_key);
CREATE INDEX customer_by_email ON customer (email_key);

-- Every consent given or withdrawn, with when and who recorded it (never updated).
CREATE TABLE customer_consent (
    customer_id  UUID         NOT NULL REFERENCES customer (id),
    seq          INT          NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    granted      BOOLEAN      NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (customer_id, seq)
);

CREATE TABLE case_counter (
    name        VARCHAR(20) NOT NULL PRIMARY KEY,
    last_value  BIGINT      NOT NULL
);
INSERT INTO case_counter (name, last_value) VALUES ('CASE', 0);

CREATE TABLE service_case (
    id                    UUID           NOT NULL PRIMARY KEY,
    case_number           VARCHAR(30)    NOT NULL,
    customer_id           UUID           REFERENCES customer (id),
    receipt_number        VARCHAR(40),
    category              VARCHAR(20)    NOT NULL,
    channel               VARCHAR(20)    NOT NULL,
    subject               VARCHAR(200)   NOT NULL,
    description           VARCHAR(4000),
    status                VARCHAR(20)    NOT NULL,
    opened_by             VARCHAR(64)    NOT NULL,
    opened_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    first_response_at     TIMESTAMP WITH TIME ZONE,
    escalated_to          VARCHAR(64),
    follow_up_due         DATE,
    resolution            VARCHAR(2000),
    resolved_at           TIMESTAMP WITH TIME ZONE,
    resolved_by           VARCHAR(64),
    goodwill_type         VARCHAR(20),
    goodwill_amount       NUMERIC(19, 4),
    goodwill_code         VARCHAR(40),
    goodwill_approved_by  VARCHAR(64),
    closed_at             TIMESTAMP WITH TIME ZONE,
    last_event            INT            NOT NULL,
    CONSTRAINT service_case_number_unique UNIQUE (case_number),
    CONSTRAINT service_case_goodwill_code_unique UNIQUE (goodwill_code)
);
CREATE INDEX service_case_by_customer ON service_case (customer_id);
CREATE INDEX service_case_by_status ON service_case (status, follow_up_due);
CREATE INDEX service_case_by_opened ON service_case (opened_at);

-- The case history: every note, status change, escalation, follow-up and resolution (never updated,
-- except that erasing a customer blanks the free text of their cases).
CREATE TABLE service_case_event (
    case_id      UUID          NOT NULL REFERENCES service_case (id),
    seq          INT           NOT NULL,
    type         VARCHAR(20)   NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    status_from  VARCHAR(20),
    status_to    VARCHAR(20),
    due          DATE,
    text         VARCHAR(4000),
    PRIMARY KEY (case_id, seq)
);
