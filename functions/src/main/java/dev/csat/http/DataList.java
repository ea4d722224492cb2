package dev.csat.http;

import java.util.List;

/** The list envelope of the API: {@code {"data": [...]}}. */
public record DataList<T>(List<T> data) {
  public static <T> DataList<T> of(List<T> data) {
    return new DataList<>(data);
  }
}
