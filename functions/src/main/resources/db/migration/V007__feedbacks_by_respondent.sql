-- Per-user analytics (getUserHistory): one respondent's feedbacks, newest first, and their
-- interaction rows on every feature. Neither had an index that starts with the user: feedbacks
-- were indexed by tenant and other fields only, and feature_interactions' primary key ends in
-- user_email, so both reads would scan every row of the tenant.
-- Built inside the migration's transaction (CONCURRENTLY cannot be), like V003's indexes:
-- writes to these tables wait while an index builds.

-- A respondent's feedbacks newest first, keyset pages included (ids are UUIDv7 in creation
-- order, see V003): one index range per page, whatever the tenant's size.
CREATE INDEX feedbacks_by_respondent ON feedbacks (tenant_id, user_email, id);

-- A respondent's interaction rows across all products and features.
CREATE INDEX feature_interactions_by_user ON feature_interactions (tenant_id, user_email);
