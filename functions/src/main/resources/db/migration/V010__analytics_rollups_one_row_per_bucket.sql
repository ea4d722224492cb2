-- Analytics rollups, third shape (issue 5's speed target). V008 kept, besides the row of all
-- sources, a row per source, which a request with a source, scale or score filter had to read:
-- seven rows per bucket, and a score-filtered daily series over two years read 8,000 keys.
--
-- Now each bucket has one row: the rating columns and per-source counts of V008's row of all
-- sources (what a request without those filters reads), then each source's count of each rating
-- (ticket_ten_7: ratings of 7 on the 1-10 scale that came from tickets), from which any source,
-- scale or score filter is summed, and a breakdown by source unfolded. Those 119 columns are NULL
-- where the count is zero: a null costs a bit in the row's null bitmap, so a bucket with one rating
-- (most company and agent quarter hours) stays about as small as a V008 row, and there is one row
-- per bucket instead of up to eight.
--
-- As in V008, the new table starts empty and every stored rating is queued again, in this
-- migration's transaction: a request is exact throughout (it reads the queue as the live tail),
-- and the rollup function folds the queue in over its next runs.

DROP TABLE feedback_rollups;

CREATE TABLE feedback_rollups (
  tenant_id text        NOT NULL,
  dim       text        NOT NULL,
  value     text        NOT NULL,
  grain     text        NOT NULL CHECK (grain IN ('quarter', 'hour', 'day', 'month', 'total')),
  bucket    timestamptz NOT NULL,
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
  -- Last, so that a request without a source, scale or score filter never decodes them.
  prompted_ten_1 integer, prompted_ten_2 integer, prompted_ten_3 integer, prompted_ten_4 integer,
  prompted_ten_5 integer, prompted_ten_6 integer, prompted_ten_7 integer, prompted_ten_8 integer,
  prompted_ten_9 integer, prompted_ten_10 integer, prompted_five_1 integer, prompted_five_2 integer,
  prompted_five_3 integer, prompted_five_4 integer, prompted_five_5 integer, prompted_thumbs_0 integer,
  prompted_thumbs_1 integer,
  voluntary_ten_1 integer, voluntary_ten_2 integer, voluntary_ten_3 integer, voluntary_ten_4 integer,
  voluntary_ten_5 integer, voluntary_ten_6 integer, voluntary_ten_7 integer, voluntary_ten_8 integer,
  voluntary_ten_9 integer, voluntary_ten_10 integer, voluntary_five_1 integer, voluntary_five_2 integer,
  voluntary_five_3 integer, voluntary_five_4 integer, voluntary_five_5 integer, voluntary_thumbs_0 integer,
  voluntary_thumbs_1 integer,
  survey_ten_1 integer, survey_ten_2 integer, survey_ten_3 integer, survey_ten_4 integer, survey_ten_5 integer,
  survey_ten_6 integer, survey_ten_7 integer, survey_ten_8 integer, survey_ten_9 integer,
  survey_ten_10 integer, survey_five_1 integer, survey_five_2 integer, survey_five_3 integer,
  survey_five_4 integer, survey_five_5 integer, survey_thumbs_0 integer, survey_thumbs_1 integer,
  ticket_ten_1 integer, ticket_ten_2 integer, ticket_ten_3 integer, ticket_ten_4 integer, ticket_ten_5 integer,
  ticket_ten_6 integer, ticket_ten_7 integer, ticket_ten_8 integer, ticket_ten_9 integer,
  ticket_ten_10 integer, ticket_five_1 integer, ticket_five_2 integer, ticket_five_3 integer,
  ticket_five_4 integer, ticket_five_5 integer, ticket_thumbs_0 integer, ticket_thumbs_1 integer,
  carrier_ten_1 integer, carrier_ten_2 integer, carrier_ten_3 integer, carrier_ten_4 integer,
  carrier_ten_5 integer, carrier_ten_6 integer, carrier_ten_7 integer, carrier_ten_8 integer,
  carrier_ten_9 integer, carrier_ten_10 integer, carrier_five_1 integer, carrier_five_2 integer,
  carrier_five_3 integer, carrier_five_4 integer, carrier_five_5 integer, carrier_thumbs_0 integer,
  carrier_thumbs_1 integer,
  shop_ten_1 integer, shop_ten_2 integer, shop_ten_3 integer, shop_ten_4 integer, shop_ten_5 integer,
  shop_ten_6 integer, shop_ten_7 integer, shop_ten_8 integer, shop_ten_9 integer, shop_ten_10 integer,
  shop_five_1 integer, shop_five_2 integer, shop_five_3 integer, shop_five_4 integer, shop_five_5 integer,
  shop_thumbs_0 integer, shop_thumbs_1 integer,
  api_ten_1 integer, api_ten_2 integer, api_ten_3 integer, api_ten_4 integer, api_ten_5 integer,
  api_ten_6 integer, api_ten_7 integer, api_ten_8 integer, api_ten_9 integer, api_ten_10 integer,
  api_five_1 integer, api_five_2 integer, api_five_3 integer, api_five_4 integer, api_five_5 integer,
  api_thumbs_0 integer, api_thumbs_1 integer,
  -- A breakdown reads every value of a dimension in a time range...
  PRIMARY KEY (tenant_id, dim, grain, bucket, value)
);

-- ...and a filter reads a few values of one dimension over time.
CREATE INDEX feedback_rollups_by_value ON feedback_rollups (tenant_id, dim, value, grain, bucket);

TRUNCATE feedback_changes;

INSERT INTO feedback_changes (tenant_id, created_at, source, scale, rating, product_key, feature_key, platform,
                              company_id, agent_id, carrier, delta)
SELECT tenant_id, created_at, source, scale, rating, product_key, feature_key, platform, company_id, agent_id,
       carrier, 1
FROM feedbacks ORDER BY id;
