package dev.csat.core;

/** One rejected input: the field or parameter name as the caller sent it, and why. */
public record InvalidParam(String name, String reason) {}
