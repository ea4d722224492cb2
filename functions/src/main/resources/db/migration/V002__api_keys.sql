-- API keys (issue 3), created per tenant by an administrator. The secret is shown once and never
-- stored: only the SHA-256 of its secret part, as lower-case hex. The authorizer finds a
-- presented key by the id it carries (the primary key), before it knows the tenant.

CREATE TABLE api_keys (
  id           uuid        PRIMARY KEY,
  tenant_id    text        NOT NULL,
  name         text        NOT NULL,
  -- Space-separated, like a JWT's scope claim; scopes contain no spaces.
  scopes       text        NOT NULL CHECK (scopes <> ''),
  secret_hash  text        NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at   timestamptz
);

-- Listing a tenant's keys, newest first.
CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, created_at DESC, id DESC);
