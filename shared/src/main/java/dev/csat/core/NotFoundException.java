package dev.csat.core;

/** The object does not exist for this tenant (another tenant's object is also "not found"): 404. */
public final class NotFoundException extends CsatException {
  public NotFoundException(String detail) {
    super(detail);
  }
}
