package dev.csat.http;

import dev.csat.core.ConflictException;
import dev.csat.core.ContentTooLargeException;
import dev.csat.core.CsatException;
import dev.csat.core.ForbiddenException;
import dev.csat.core.NotFoundException;
import dev.csat.core.UnauthorizedException;
import dev.csat.core.UnavailableException;
import dev.csat.core.ValidationException;

/** The one error table: which failure becomes which status, code and title. */
final class ErrorTable {
  record Entry(int status, String code, String title) {}

  static final Entry INTERNAL = new Entry(500, "internal", "Internal Server Error");

  private ErrorTable() {}

  static Entry of(CsatException failure) {
    return switch (failure) {
      case ValidationException e -> new Entry(400, "validation", "Your request is not valid");
      case UnauthorizedException e -> new Entry(401, "unauthorized", "Unauthorized");
      case ForbiddenException e -> new Entry(403, "forbidden", "Forbidden");
      case NotFoundException e -> new Entry(404, "not_found", "Not Found");
      case ConflictException e -> new Entry(409, "conflict", "Conflict");
      case ContentTooLargeException e -> new Entry(413, "content_too_large", "Content Too Large");
      case UnavailableException e -> new Entry(503, "unavailable", "Service Unavailable");
    };
  }
}
