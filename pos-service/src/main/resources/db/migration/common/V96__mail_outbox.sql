-- One outbox for every e-mail the store sends (module mail): receipts, complaint confirmations and
-- special-order arrivals, which had an outbox each (receipt_email, special_order_email).
CREATE TABLE mail_outbox (
    id               UUID          NOT NULL PRIMARY KEY,
    document         VARCHAR(40)   NOT NULL,
    doc_key          VARCHAR(64)   NOT NULL,
    recipient        VARCHAR(254)  NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    attempts         INT           NOT NULL,
    last_error       VARCHAR(500),
    requested_by     VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_by_document ON mail_outbox (doc_key, document);

INSERT INTO mail_outbox (id, document, doc_key, recipient, status, attempts, last_error, requested_by, created_at,
        next_attempt_at, sent_at)
    SELECT id, document, receipt_number, recipient, status, attempts, last_error, requested_by, created_at,
           next_attempt_at, sent_at
      FROM receipt_email;

INSERT INTO mail_outbox (id, document, doc_key, recipient, status, attempts, last_error, requested_by, created_at,
        next_attempt_at, sent_at)
    SELECT e.id, 'ORDER_ARRIVED', o.order_number, e.recipient, e.status, e.attempts, e.last_error, 'system',
           e.created_at, e.next_attempt_at, e.sent_at
      FROM special_order_email e JOIN special_order o ON o.id = e.order_id;

DROP TABLE receipt_email;
DROP TABLE special_order_email;
