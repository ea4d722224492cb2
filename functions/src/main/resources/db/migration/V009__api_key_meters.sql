-- Each API key is metered by its own API Gateway key in the usage plan for API keys (throttle
-- and daily quota per key). The authorizer names it in usageIdentifierKey; its value is derived
-- from the key's id, its gateway id is kept here so that revoking the key can delete it.
-- Null for keys created before this migration: they run under the callers' plan, unmetered.
ALTER TABLE api_keys ADD COLUMN usage_key_id text CHECK (usage_key_id <> '');
