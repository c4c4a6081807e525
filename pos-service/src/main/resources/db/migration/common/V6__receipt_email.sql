-- E-mailed receipts: a persistent outbox, sent and retried by the service, visible per sale.
CREATE TABLE receipt_email (
    id               UUID          NOT NULL PRIMARY KEY,
    receipt_number   VARCHAR(40)   NOT NULL,
    recipient        VARCHAR(254)  NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    attempts         INT           NOT NULL,
    last_error       VARCHAR(500),
    requested_by     VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX receipt_email_due ON receipt_email (status, next_attempt_at);
CREATE INDEX receipt_email_by_receipt ON receipt_email (receipt_number);
