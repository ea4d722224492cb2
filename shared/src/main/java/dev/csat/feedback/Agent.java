package dev.csat.feedback;

/** A support agent named by ingested feedback; {@code name} is null until a feedback names it. */
public record Agent(String agentId, String name) {}
