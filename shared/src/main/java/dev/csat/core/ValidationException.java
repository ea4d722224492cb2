package dev.csat.core;

import java.util.List;

/** The request was understood but some inputs are invalid: 400 {@code validation}. */
public final class ValidationException extends CsatException {
  private final List<InvalidParam> invalidParams;

  public ValidationException(List<InvalidParam> invalidParams) {
    super(detailOf(invalidParams));
    this.invalidParams = List.copyOf(invalidParams);
  }

  public static ValidationException of(String name, String reason) {
    return new ValidationException(List.of(new InvalidParam(name, reason)));
  }

  public List<InvalidParam> invalidParams() {
    return invalidParams;
  }

  private static String detailOf(List<InvalidParam> params) {
    if (params.size() == 1) {
      return params.getFirst().name() + ": " + params.getFirst().reason();
    }
    return params.size() + " request parameters are invalid";
  }
}
