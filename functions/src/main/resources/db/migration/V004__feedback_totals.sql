-- The inbox's totals without counting millions of rows, and the invariant its indexes rely on.

-- V003's indexes serve creation-time ranges as id ranges: an id's first 48 bits are its
-- created_at in milliseconds. Hold every writer to that.
ALTER TABLE feedbacks ADD CONSTRAINT feedbacks_id_carries_created_at CHECK (
  ('x' || left(replace(id::text, '-', ''), 12))::bit(48)::bigint = (extract(epoch FROM created_at) * 1000)::bigint);

-- Feedbacks per tenant, kept by a trigger. Each insert adds to one of 16 rows picked at random,
-- so concurrent inserts of one tenant rarely wait for the same row lock; a total is their sum.
CREATE TABLE feedback_totals (
  tenant_id text     NOT NULL,
  shard     smallint NOT NULL,
  total     bigint   NOT NULL,
  PRIMARY KEY (tenant_id, shard)
);

INSERT INTO feedback_totals (tenant_id, shard, total)
SELECT tenant_id, 0, count(*) FROM feedbacks GROUP BY tenant_id;

CREATE FUNCTION feedback_totals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO feedback_totals AS t (tenant_id, shard, total)
    VALUES (NEW.tenant_id, floor(random() * 16)::smallint, 1)
    ON CONFLICT (tenant_id, shard) DO UPDATE SET total = t.total + 1;
    RETURN NEW;
  END IF;
  INSERT INTO feedback_totals AS t (tenant_id, shard, total)
  VALUES (OLD.tenant_id, floor(random() * 16)::smallint, -1)
  ON CONFLICT (tenant_id, shard) DO UPDATE SET total = t.total - 1;
  RETURN OLD;
END
$$;

-- An idempotent retry (INSERT ... ON CONFLICT DO UPDATE) fires no INSERT trigger: nothing is counted twice.
CREATE TRIGGER feedbacks_totals AFTER INSERT OR DELETE ON feedbacks
  FOR EACH ROW EXECUTE FUNCTION feedback_totals_follow();
