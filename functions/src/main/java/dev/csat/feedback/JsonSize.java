package dev.csat.feedback;

/** The bytes a text takes as a JSON string in UTF-8, which is how Lambda counts a proxy response body. */
final class JsonSize {
  private JsonSize() {}

  static long of(CharSequence text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
        bytes += 2;
      } else if (c < 0x20) {
        bytes += 6;
      } else if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800 || Character.isSurrogate(c)) {
        bytes += 2; // a surrogate pair is 4 bytes: 2 per half
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
