package dev.csat.local.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource path as API Gateway declares it: literal segments, {@code {name}} segments and a
 * final greedy {@code {name+}}. A more specific template wins when several match: segment by
 * segment from the left, a literal beats a parameter, which beats a greedy parameter.
 */
final class PathTemplate implements Comparable<PathTemplate> {
  private sealed interface Segment permits Literal, Parameter, Greedy {
    int rank();
  }

  private record Literal(String value) implements Segment {
    public int rank() {
      return 0;
    }
  }

  private record Parameter(String name) implements Segment {
    public int rank() {
      return 1;
    }
  }

  private record Greedy(String name) implements Segment {
    public int rank() {
      return 2;
    }
  }

  private final String text;
  private final List<Segment> segments;

  private PathTemplate(String text, List<Segment> segments) {
    this.text = text;
    this.segments = segments;
  }

  static PathTemplate parse(String text) {
    List<Segment> segments = new ArrayList<>();
    List<String> parts = split(text);
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.startsWith("{") && part.endsWith("}") && part.length() > 2) {
        String name = part.substring(1, part.length() - 1);
        if (name.endsWith("+")) {
          if (i != parts.size() - 1) {
            throw new TemplateException("path " + text + ": a greedy {" + name + "} must be the last segment");
          }
          segments.add(new Greedy(name.substring(0, name.length() - 1)));
        } else {
          segments.add(new Parameter(name));
        }
      } else {
        segments.add(new Literal(part));
      }
    }
    return new PathTemplate(text, List.copyOf(segments));
  }

  /** The raw (still percent-encoded) segments of a request path. */
  static List<String> split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
  }

  /** The decoded path parameters when the raw segments match, else empty. */
  Optional<Map<String, String>> match(List<String> rawSegments) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (segment instanceof Greedy greedy) {
        List<String> rest = rawSegments.subList(Math.min(i, rawSegments.size()), rawSegments.size());
        if (rest.isEmpty() || rest.getFirst().isEmpty()) {
          return Optional.empty();
        }
        parameters.put(greedy.name(), String.join("/", rest.stream().map(UrlDecoding::pathSegment).toList()));
        return Optional.of(parameters);
      }
      if (i >= rawSegments.size() || rawSegments.get(i).isEmpty()) {
        return Optional.empty();
      }
      String value = UrlDecoding.pathSegment(rawSegments.get(i));
      switch (segment) {
        case Literal literal when !literal.value().equals(value) -> {
          return Optional.empty();
        }
        case Parameter parameter -> parameters.put(parameter.name(), value);
        default -> { }
      }
    }
    return rawSegments.size() == segments.size() ? Optional.of(parameters) : Optional.empty();
  }

  /** Negative when this template is the more specific one. */
  @Override
  public int compareTo(PathTemplate other) {
    for (int i = 0; i < Math.min(segments.size(), other.segments.size()); i++) {
      int byRank = Integer.compare(segments.get(i).rank(), other.segments.get(i).rank());
      if (byRank != 0) {
        return byRank;
      }
    }
    return Integer.compare(other.segments.size(), segments.size());
  }

  @Override
  public String toString() {
    return text;
  }
}
