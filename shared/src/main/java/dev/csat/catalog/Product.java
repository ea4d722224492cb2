package dev.csat.catalog;

/** A product of the tenant, whose features collect feedback. */
public record Product(String key, String name) {}
