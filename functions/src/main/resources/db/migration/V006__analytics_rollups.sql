-- Analytics (issue 5): rating distributions rolled up by time and dimension, so that a summary, a
-- time series or a breakdown sums a few thousand rows instead of reading millions of feedbacks.
--
-- Every change to feedbacks that analytics can see (a new rating, a deleted one, a rating whose
-- counted fields change) is queued in feedback_changes by a trigger. The scheduled rollup
-- function moves queued changes into feedback_rollups, each batch in one statement, so that at
-- any instant a change is either queued or rolled up, never both and never neither. A request
-- reads the rollups plus the queue (the live tail), which makes it exact and current to the
-- commit, whenever the rollup last ran.

CREATE TABLE feedback_changes (
  seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id   text        NOT NULL,
  created_at  timestamptz NOT NULL,
  source      text        NOT NULL,
  scale       text        NOT NULL,
  rating      smallint    NOT NULL,
  product_key text,
  feature_key text,
  platform    text,
  company_id  text,
  agent_id    text,
  carrier     text,
  delta       smallint    NOT NULL CHECK (delta IN (-1, 1))
);

CREATE INDEX feedback_changes_by_time ON feedback_changes (tenant_id, created_at);

-- One row per tenant, dimension value, grain, bucket and source; the columns count ratings
-- per scale and value (ten_7: ratings of 7 on the 1-10 scale). Grains are UTC quarter hours,
-- hours, days and months: every time zone's day boundaries fall on a quarter hour, so any local
-- day, week, month or quarter is a sum of whole buckets, the coarsest that fit.
--
-- dim is 'all' (value ''), 'product', 'feature' (value 'product/feature'; feature keys are
-- keys, which never hold '/'), 'platform', 'company', 'agent' or 'carrier'; '' stands for none.
CREATE TABLE feedback_rollups (
  tenant_id text        NOT NULL,
  dim       text        NOT NULL,
  value     text        NOT NULL,
  grain     text        NOT NULL CHECK (grain IN ('quarter', 'hour', 'day', 'month')),
  bucket    timestamptz NOT NULL,
  source    text        NOT NULL,
  ten_1  integer NOT NULL DEFAULT 0, ten_2  integer NOT NULL DEFAULT 0, ten_3  integer NOT NULL DEFAULT 0,
  ten_4  integer NOT NULL DEFAULT 0, ten_5  integer NOT NULL DEFAULT 0, ten_6  integer NOT NULL DEFAULT 0,
  ten_7  integer NOT NULL DEFAULT 0, ten_8  integer NOT NULL DEFAULT 0, ten_9  integer NOT NULL DEFAULT 0,
  ten_10 integer NOT NULL DEFAULT 0,
  five_1 integer NOT NULL DEFAULT 0, five_2 integer NOT NULL DEFAULT 0, five_3 integer NOT NULL DEFAULT 0,
  five_4 integer NOT NULL DEFAULT 0, five_5 integer NOT NULL DEFAULT 0,
  thumbs_0 integer NOT NULL DEFAULT 0, thumbs_1 integer NOT NULL DEFAULT 0,
  -- A breakdown reads every value of a dimension in a time range...
  PRIMARY KEY (tenant_id, dim, grain, bucket, value, source)
);

-- ...and a filter reads a few values of one dimension over time.
CREATE INDEX feedback_rollups_by_value ON feedback_rollups (tenant_id, dim, value, grain, bucket);

CREATE FUNCTION feedback_changes_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO feedback_changes (tenant_id, created_at, source, scale, rating, product_key, feature_key,
                                  platform, company_id, agent_id, carrier, delta)
    VALUES (OLD.tenant_id, OLD.created_at, OLD.source, OLD.scale, OLD.rating, OLD.product_key, OLD.feature_key,
            OLD.platform, OLD.company_id, OLD.agent_id, OLD.carrier, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO feedback_changes (tenant_id, created_at, source, scale, rating, product_key, feature_key,
                                  platform, company_id, agent_id, carrier, delta)
    VALUES (NEW.tenant_id, NEW.created_at, NEW.source, NEW.scale, NEW.rating, NEW.product_key, NEW.feature_key,
            NEW.platform, NEW.company_id, NEW.agent_id, NEW.carrier, 1);
  END IF;
  RETURN NULL;
END
$$;

-- An idempotent retry (INSERT ... ON CONFLICT DO UPDATE of the key) changes no counted field.
CREATE TRIGGER feedbacks_changes_rows AFTER INSERT OR DELETE ON feedbacks
  FOR EACH ROW EXECUTE FUNCTION feedback_changes_follow();

CREATE TRIGGER feedbacks_changes_fields
  AFTER UPDATE OF tenant_id, created_at, source, scale, rating, product_key, feature_key, platform, company_id,
                  agent_id, carrier ON feedbacks
  FOR EACH ROW
  WHEN ((OLD.tenant_id, OLD.created_at, OLD.source, OLD.scale, OLD.rating, OLD.product_key, OLD.feature_key,
         OLD.platform, OLD.company_id, OLD.agent_id, OLD.carrier)
        IS DISTINCT FROM
        (NEW.tenant_id, NEW.created_at, NEW.source, NEW.scale, NEW.rating, NEW.product_key, NEW.feature_key,
         NEW.platform, NEW.company_id, NEW.agent_id, NEW.carrier))
  EXECUTE FUNCTION feedback_changes_follow();

-- The ratings stored so far wait in the queue like any other: the first rollup run folds them in.
INSERT INTO feedback_changes (tenant_id, created_at, source, scale, rating, product_key, feature_key, platform,
                              company_id, agent_id, carrier, delta)
SELECT tenant_id, created_at, source, scale, rating, product_key, feature_key, platform, company_id, agent_id,
       carrier, 1
FROM feedbacks ORDER BY id;
