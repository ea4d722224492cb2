-- Catalogue and in-app prompting (seed 000). Every table carries tenant_id first, so every
-- primary key and index starts with the tenant: one tenant's rows are never scanned for another.

CREATE TABLE products (
  tenant_id   text        NOT NULL,
  product_key text        NOT NULL,
  name        text        NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, product_key)
);

CREATE TABLE features (
  tenant_id             text        NOT NULL,
  product_key           text        NOT NULL,
  feature_key           text        NOT NULL,
  name                  text        NOT NULL,
  description           text,
  interaction_threshold integer     NOT NULL CHECK (interaction_threshold >= 1),
  rejection_threshold   integer     NOT NULL CHECK (rejection_threshold >= 1),
  cooldown_days         integer     NOT NULL DEFAULT 180 CHECK (cooldown_days >= 0),
  enabled               boolean     NOT NULL DEFAULT true,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, product_key, feature_key),
  FOREIGN KEY (tenant_id, product_key) REFERENCES products ON DELETE CASCADE
);

-- One row per user and feature; a user without a row reads as zeros.
CREATE TABLE feature_interactions (
  tenant_id               text        NOT NULL,
  product_key             text        NOT NULL,
  feature_key             text        NOT NULL,
  user_email              text        NOT NULL,
  interaction_count       integer     NOT NULL DEFAULT 0,
  total_interaction_count bigint      NOT NULL DEFAULT 0,
  rejection_count         integer     NOT NULL DEFAULT 0,
  last_feedback_at        timestamptz,
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, product_key, feature_key, user_email),
  FOREIGN KEY (tenant_id, product_key, feature_key) REFERENCES features ON DELETE CASCADE
);

CREATE TABLE feedbacks (
  id                  uuid        PRIMARY KEY,
  tenant_id           text        NOT NULL,
  product_key         text        NOT NULL,
  feature_key         text        NOT NULL,
  user_email          text        NOT NULL,
  rating              smallint    NOT NULL CHECK (rating BETWEEN 1 AND 10),
  source              text        NOT NULL CHECK (source IN ('prompted', 'voluntary')),
  comment             text,
  user_agent          text,
  idempotency_key     text,
  request_fingerprint text,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  FOREIGN KEY (tenant_id, product_key, feature_key) REFERENCES features ON DELETE CASCADE
);

CREATE UNIQUE INDEX feedbacks_idempotency_key
  ON feedbacks (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE INDEX feedbacks_by_feature
  ON feedbacks (tenant_id, product_key, feature_key, created_at DESC);
