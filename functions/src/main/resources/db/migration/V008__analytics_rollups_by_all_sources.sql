-- Analytics rollups, second shape (issue 5's speed target). V006's rollups kept one row per
-- source, so a request without a source filter summed up to seven rows per bucket. Now:
--
-- * Each bucket also has a row with source '' that counts every source, with each source's count
--   in its own column (n_prompted, ...): a request that filters no source (and no scale or
--   score) sums one row per bucket. Rows of one source stay for source filters, for breakdowns by
--   source and for scale or score filters (whose per-source counts must respect the filter).
-- * The source comes before the bucket in both keys, so either kind of row is one index range.
-- * A 'total' grain (bucket 2000-01-01) counts all time: a summary or breakdown with neither
--   date given reads one row per value.
--
-- The new table starts empty and every stored rating is queued again (the queue's earlier
-- changes are already in feedbacks), in this migration's transaction: a rating written meanwhile
-- waits for the commit and is then queued by the trigger, so it counts once.

DROP TABLE feedback_rollups;

CREATE TABLE feedback_rollups (
  tenant_id text        NOT NULL,
  dim       text        NOT NULL,
  value     text        NOT NULL,
  grain     text        NOT NULL CHECK (grain IN ('quarter', 'hour', 'day', 'month', 'total')),
  bucket    timestamptz NOT NULL,
  source    text        NOT NULL,
  ten_1  integer NOT NULL DEFAULT 0, ten_2  integer NOT NULL DEFAULT 0, ten_3  integer NOT NULL DEFAULT 0,
  ten_4  integer NOT NULL DEFAULT 0, ten_5  integer NOT NULL DEFAULT 0, ten_6  integer NOT NULL DEFAULT 0,
  ten_7  integer NOT NULL DEFAULT 0, ten_8  integer NOT NULL DEFAULT 0, ten_9  integer NOT NULL DEFAULT 0,
  ten_10 integer NOT NULL DEFAULT 0,
  five_1 integer NOT NULL DEFAULT 0, five_2 integer NOT NULL DEFAULT 0, five_3 integer NOT NULL DEFAULT 0,
  five_4 integer NOT NULL DEFAULT 0, five_5 integer NOT NULL DEFAULT 0,
  thumbs_0 integer NOT NULL DEFAULT 0, thumbs_1 integer NOT NULL DEFAULT 0,
  n_prompted integer NOT NULL DEFAULT 0, n_voluntary integer NOT NULL DEFAULT 0,
  n_survey   integer NOT NULL DEFAULT 0, n_ticket    integer NOT NULL DEFAULT 0,
  n_carrier  integer NOT NULL DEFAULT 0, n_shop      integer NOT NULL DEFAULT 0,
  n_api      integer NOT NULL DEFAULT 0,
  -- A breakdown reads every value of a dimension in a time range...
  PRIMARY KEY (tenant_id, dim, grain, source, bucket, value)
);

-- ...and a filter reads a few values of one dimension over time.
CREATE INDEX feedback_rollups_by_value ON feedback_rollups (tenant_id, dim, value, source, grain, bucket);

TRUNCATE feedback_changes;

INSERT INTO feedback_changes (tenant_id, created_at, source, scale, rating, product_key, feature_key, platform,
                              company_id, agent_id, carrier, delta)
SELECT tenant_id, created_at, source, scale, rating, product_key, feature_key, platform, company_id, agent_id,
       carrier, 1
FROM feedbacks ORDER BY id;
