-- eid-postgres schema, version 1: consent receipts, the hash-chained security audit and its signed checkpoints,
-- the relying-party registry. Applied by Flyway from the eid-postgres jar (EidDatabase).

CREATE TABLE eid_consent_receipt (
    row_id         bigserial   NOT NULL UNIQUE,
    receipt_id     text        PRIMARY KEY CHECK (receipt_id ~ '^[A-Za-z0-9_-]{16,64}$'),
    owner_ref      text        NOT NULL CHECK (length(owner_ref) BETWEEN 1 AND 128),
    party_id       text        NOT NULL CHECK (length(party_id) BETWEEN 1 AND 128),
    purpose_code   text        NOT NULL,
    granted_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    keep_until     timestamptz NOT NULL,
    receipt_claims text        NOT NULL,
    receipt_jws    text        NOT NULL,
    withdrawn_at   timestamptz,
    CHECK (granted_at <= expires_at AND expires_at <= keep_until)
);
CREATE INDEX eid_consent_receipt_by_owner ON eid_consent_receipt (owner_ref, granted_at, row_id);
CREATE INDEX eid_consent_receipt_by_party ON eid_consent_receipt (party_id, granted_at, row_id);

CREATE TABLE eid_audit_event (
    seq         bigint      PRIMARY KEY CHECK (seq >= 1),
    occurred_at timestamptz NOT NULL,
    event_type  text        NOT NULL,
    subject     text        NOT NULL,
    receipt_id  text        NOT NULL,
    party_id    text        NOT NULL,
    detail      text        NOT NULL,
    prev_hash   bytea       NOT NULL CHECK (length(prev_hash) = 32),
    hash        bytea       NOT NULL CHECK (length(hash) = 32)
);
CREATE INDEX eid_audit_event_by_subject ON eid_audit_event (subject, seq);
CREATE INDEX eid_audit_event_by_receipt ON eid_audit_event (receipt_id, seq);

CREATE TABLE eid_audit_checkpoint (
    seq            bigint      PRIMARY KEY CHECK (seq >= 1),
    head_hash      bytea       NOT NULL CHECK (length(head_hash) = 32),
    signed_at      timestamptz NOT NULL,
    checkpoint_jws text        NOT NULL
);

-- append-only: no UPDATE, DELETE or TRUNCATE for anyone the trigger applies to (the application role); only the
-- table owner or a superuser can disable it, and AuditChain.verify then still finds what they changed
CREATE FUNCTION eid_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'eid: % is append-only (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER eid_audit_event_append_only BEFORE UPDATE OR DELETE ON eid_audit_event
    FOR EACH ROW EXECUTE FUNCTION eid_refuse_change();
CREATE TRIGGER eid_audit_event_no_truncate BEFORE TRUNCATE ON eid_audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION eid_refuse_change();
CREATE TRIGGER eid_audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON eid_audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION eid_refuse_change();
CREATE TRIGGER eid_audit_checkpoint_no_truncate BEFORE TRUNCATE ON eid_audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION eid_refuse_change();

CREATE TABLE eid_relying_party (
    party_id      text        PRIMARY KEY CHECK (length(party_id) BETWEEN 1 AND 128),
    registration  text        NOT NULL,
    registered_at timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
