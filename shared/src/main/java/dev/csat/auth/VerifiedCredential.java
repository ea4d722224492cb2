package dev.csat.auth;

/**
 * A credential that checked out: who presented it, and the value of the API Gateway key that
 * meters its requests in a usage plan.
 *
 * @param usageKey null when the credential has no meter of its own (tokens, and API keys created
 *     before keys were metered): it then runs under the callers' plan
 */
public record VerifiedCredential(Caller caller, String usageKey) {}
