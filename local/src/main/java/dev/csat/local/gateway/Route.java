package dev.csat.local.gateway;

/**
 * One API route of the template: a method (upper case, or {@code ANY}) on a path template such
 * as {@code /api/csat/v1/products/{product_key}/features}, served by a function.
 */
public record Route(String method, String pathTemplate, String functionId, String handlerClass) {}
