package dev.csat.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.csat.core.InvalidParam;
import java.util.List;

/** An RFC 9457 problem document, with our stable {@code code} and the request id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String code,
    String requestId,
    List<InvalidParam> invalidParams) {

  public static final String TYPE_PREFIX = "https://csat.dev/problems/";
}
