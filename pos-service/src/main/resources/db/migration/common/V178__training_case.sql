-- Training mode (ADR 0005, issue 24): service cases and complaints taken in training. They live here, apart from
-- service_case, its history and complaint, so no real case or complaint list, figures, customer care or complaint
-- report, GDPR export, journal, mail or sync outbox can ever read them. A case (kind CASE) is numbered
-- TRN-<register or user>-C<seq>, a complaint (kind COMPLAINT) TRN-<store>-CMP-<seq>, each from its prefix's row in
-- training_desk_counter, and kept as answered (JSON); customer_id and status are columns for lists and erasure.
CREATE TABLE training_desk_counter (
    prefix          VARCHAR(90)     NOT NULL PRIMARY KEY,
    next_value      BIGINT          NOT NULL
);
CREATE TABLE training_case (
    case_number     VARCHAR(100)    NOT NULL PRIMARY KEY,
    kind            VARCHAR(10)     NOT NULL,
    customer_id     VARCHAR(40),
    status          VARCHAR(20)     NOT NULL,
    opened_by       VARCHAR(64)     NOT NULL,
    document        VARCHAR(100000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX training_case_updated ON training_case (updated_at);
CREATE INDEX training_case_customer ON training_case (customer_id);
