-- Feedback inbox (issue 4, seeds 001 and 004): every rating from every source is a row of
-- feedbacks. The prompting flow (seed 000) keeps writing the same table with its own fields.
--
-- Ids are UUIDv7 made from created_at, so ORDER BY id is creation order and a creation-time
-- range is an id range: every index below ends in id and serves "filter on X, newest first",
-- "sort by X" (with id as the stable tie-break) and a date range at once.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE feedbacks
  ALTER COLUMN product_key DROP NOT NULL,
  ALTER COLUMN feature_key DROP NOT NULL,
  ALTER COLUMN user_email DROP NOT NULL,
  DROP CONSTRAINT feedbacks_rating_check,
  DROP CONSTRAINT feedbacks_source_check,
  ADD COLUMN respondent_id        text,
  ADD COLUMN scale                text NOT NULL DEFAULT '1-10' CHECK (scale IN ('1-10', '1-5', 'thumbs')),
  ADD COLUMN platform             text,
  ADD COLUMN reference            text,
  ADD COLUMN company_id           text,
  ADD COLUMN company_name         text,
  ADD COLUMN agent_id             text,
  ADD COLUMN carrier              text,
  ADD COLUMN country              text CHECK (country ~ '^[A-Z]{2}$'),
  ADD COLUMN metadata             jsonb CHECK (jsonb_typeof(metadata) = 'object'),
  ADD COLUMN state                text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'in_progress', 'done')),
  ADD COLUMN follow_up_comment    text,
  ADD COLUMN follow_up_created_by text,
  ADD COLUMN follow_up_created_at timestamptz,
  ADD COLUMN follow_up_updated_by text,
  ADD COLUMN follow_up_updated_at timestamptz,
  ADD CONSTRAINT feedbacks_source_check
    CHECK (source IN ('prompted', 'voluntary', 'survey', 'ticket', 'carrier', 'shop', 'api')),
  -- Thumbs are 0 (down) and 1 (up).
  ADD CONSTRAINT feedbacks_rating_check CHECK (CASE scale
    WHEN '1-10' THEN rating BETWEEN 1 AND 10
    WHEN '1-5' THEN rating BETWEEN 1 AND 5
    ELSE rating IN (0, 1) END),
  ADD CONSTRAINT feedbacks_feature_needs_product CHECK (feature_key IS NULL OR product_key IS NOT NULL),
  -- The feature foreign key does not apply without a feature; the product must still exist.
  ADD CONSTRAINT feedbacks_product_fkey
    FOREIGN KEY (tenant_id, product_key) REFERENCES products ON DELETE CASCADE;

-- Agents named by ingested feedback, for the inbox's filter menus.
CREATE TABLE agents (
  tenant_id  text        NOT NULL,
  agent_id   text        NOT NULL,
  name       text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, agent_id)
);

DROP INDEX feedbacks_by_feature;

-- Newest first, and every filter below that is not selective enough to use its own index.
CREATE INDEX feedbacks_by_created   ON feedbacks (tenant_id, id);
CREATE INDEX feedbacks_by_updated   ON feedbacks (tenant_id, updated_at, id);
CREATE INDEX feedbacks_by_rating    ON feedbacks (tenant_id, rating, id);
CREATE INDEX feedbacks_by_source    ON feedbacks (tenant_id, source, id);
CREATE INDEX feedbacks_by_state     ON feedbacks (tenant_id, state, id);
-- Sorting puts rows without a reference or company with the empty string; the ticket lookup
-- and the company filter use the same expressions.
CREATE INDEX feedbacks_by_reference ON feedbacks (tenant_id, (coalesce(reference, '')), id);
CREATE INDEX feedbacks_by_company   ON feedbacks (tenant_id, (coalesce(company_id, '')), id);
CREATE INDEX feedbacks_by_feature   ON feedbacks (tenant_id, product_key, feature_key, id);
CREATE INDEX feedbacks_by_agent     ON feedbacks (tenant_id, agent_id, id) WHERE agent_id IS NOT NULL;
CREATE INDEX feedbacks_by_carrier   ON feedbacks (tenant_id, carrier, id) WHERE carrier IS NOT NULL;
CREATE INDEX feedbacks_by_platform  ON feedbacks (tenant_id, platform, id) WHERE platform IS NOT NULL;
CREATE INDEX feedbacks_with_comment ON feedbacks (tenant_id, id) WHERE comment IS NOT NULL;
-- Substring search in comments (ILIKE '%...%'), from three characters on.
CREATE INDEX feedbacks_comment_trgm ON feedbacks USING gin (comment gin_trgm_ops);
