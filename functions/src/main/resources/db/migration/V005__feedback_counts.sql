-- Counts by the inbox's small dimensions (state, source, scale, rating), kept by triggers, so a
-- count or an admin table filtered only on them sums a few hundred rows instead of counting
-- millions. They replace V004's per-tenant totals: a tenant's total is the sum of its counts.

DROP TRIGGER feedbacks_totals ON feedbacks;
DROP FUNCTION feedback_totals_follow();
DROP TABLE feedback_totals;

-- Each change adds to one of 16 rows picked at random (shard), so concurrent writes of one tenant
-- rarely wait for the same row lock; a count is a sum. A shard may go negative: only sums count.
CREATE TABLE feedback_counts (
  tenant_id text     NOT NULL,
  state     text     NOT NULL,
  source    text     NOT NULL,
  scale     text     NOT NULL,
  rating    smallint NOT NULL,
  shard     smallint NOT NULL,
  total     bigint   NOT NULL,
  PRIMARY KEY (tenant_id, state, source, scale, rating, shard)
);

INSERT INTO feedback_counts (tenant_id, state, source, scale, rating, shard, total)
SELECT tenant_id, state, source, scale, rating, 0, count(*)
FROM feedbacks GROUP BY tenant_id, state, source, scale, rating;

CREATE FUNCTION feedback_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO feedback_counts AS c (tenant_id, state, source, scale, rating, shard, total)
    VALUES (OLD.tenant_id, OLD.state, OLD.source, OLD.scale, OLD.rating, floor(random() * 16)::smallint, -1)
    ON CONFLICT (tenant_id, state, source, scale, rating, shard) DO UPDATE SET total = c.total - 1;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO feedback_counts AS c (tenant_id, state, source, scale, rating, shard, total)
    VALUES (NEW.tenant_id, NEW.state, NEW.source, NEW.scale, NEW.rating, floor(random() * 16)::smallint, 1)
    ON CONFLICT (tenant_id, state, source, scale, rating, shard) DO UPDATE SET total = c.total + 1;
  END IF;
  RETURN NULL;
END
$$;

-- An idempotent retry (INSERT ... ON CONFLICT DO UPDATE of the key) fires neither trigger.
CREATE TRIGGER feedbacks_counts_rows AFTER INSERT OR DELETE ON feedbacks
  FOR EACH ROW EXECUTE FUNCTION feedback_counts_follow();

CREATE TRIGGER feedbacks_counts_changes AFTER UPDATE OF state, source, scale, rating ON feedbacks
  FOR EACH ROW
  WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.source IS DISTINCT FROM NEW.source
        OR OLD.scale IS DISTINCT FROM NEW.scale OR OLD.rating IS DISTINCT FROM NEW.rating)
  EXECUTE FUNCTION feedback_counts_follow();
